/** The normalised fields a record is compared on; also the `field` of a match's contributions. */
export const fieldNames = [
  "firstName",
  "lastName",
  "companyName",
  "email",
  "phone",
  "houseNumber",
  "street",
  "unit",
  "city",
  "state",
  "zip"
] as const
export type FieldName = (typeof fieldNames)[number]

/** The parts of a street address that a PO box does not have. */
export const streetParts: ReadonlySet<FieldName> = new Set<FieldName>(["houseNumber", "street", "unit"])
