/**
 * The form headers are compared in: lowercase letters and digits only, so "First Name", "first_name",
 * "firstName" and "FIRST-NAME" are all `firstname`.
 */
export const normalizeHeader = (header: string): string => header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "")
