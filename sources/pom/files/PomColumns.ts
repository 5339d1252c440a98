import type { ColumnAliases } from "../../csv/resolveColumns.ts"

/*
 * The columns of a POM export, keyed by the field names of POM's API, with the headers people and spreadsheets
 * give them. Matching ignores case, spaces and punctuation, so only genuinely different words are listed.
 */

const optional = (...aliases: ReadonlyArray<string>) => ({ required: false, aliases })
const required = (...aliases: ReadonlyArray<string>) => ({ required: true, aliases })

export type PomCustomerColumn =
  | "id"
  | "firstName"
  | "lastName"
  | "companyName"
  | "email"
  | "email2"
  | "email3"
  | "email4"
  | "phone"
  | "mobilePhone"
  | "phone2"
  | "phone3"
  | "phone4"
  | "street"
  | "city"
  | "state"
  | "zipCode"
  | "billingStreet"
  | "billingCity"
  | "billingState"
  | "billingZipCode"
  | "status"
  | "quickbooksId"
  | "createdAt"
  | "updatedAt"

/**
 * The link (`quickbooksId`), the status and the names are what reconciliation cannot work without; contact and
 * address columns make matching better but an export without them is still usable.
 */
export const pomCustomerColumns: ColumnAliases<PomCustomerColumn> = {
  id: required("Customer ID", "POM ID", "Customer Number"),
  firstName: required("First Name", "First", "Given Name"),
  lastName: required("Last Name", "Last", "Surname", "Family Name"),
  companyName: optional("Company", "Company Name", "Business Name", "Business"),
  email: optional("Email Address", "E-mail", "Email 1", "Email Address 1", "Primary Email"),
  email2: optional("Email Address 2", "Secondary Email"),
  email3: optional("Email Address 3"),
  email4: optional("Email Address 4"),
  phone: optional("Phone Number", "Phone 1", "Phone Number 1", "Primary Phone", "Home Phone", "Telephone"),
  mobilePhone: optional("Mobile", "Cell", "Cell Phone", "Mobile Number", "Cell Number"),
  phone2: optional("Phone Number 2", "Secondary Phone"),
  phone3: optional("Phone Number 3"),
  phone4: optional("Phone Number 4"),
  street: optional("Address", "Street Address", "Service Address", "Street", "Address 1", "Address Line 1"),
  city: optional("Service City", "Town"),
  state: optional("Service State", "Province"),
  zipCode: optional("Zip Code", "Zip", "Postal Code", "Postcode", "Service Zip", "Service Zip Code"),
  billingStreet: optional("Billing Address", "Billing Street", "Billing Street Address", "Bill Address"),
  billingCity: optional("Billing City"),
  billingState: optional("Billing State", "Billing Province"),
  billingZipCode: optional("Billing Zip", "Billing Zip Code", "Billing Postal Code", "Billing Postcode"),
  status: required("Customer Status"),
  quickbooksId: required("QuickBooks ID", "QBO ID", "QuickBooks Customer ID", "QBO Customer ID", "QB ID"),
  createdAt: optional("Created", "Created At", "Date Created", "Created Date", "Customer Since"),
  updatedAt: optional("Updated", "Updated At", "Last Updated", "Date Modified", "Modified", "Last Modified")
}

export type PomAppointmentColumn = "id" | "customerId" | "scheduledAt" | "status"

export const pomAppointmentColumns: ColumnAliases<PomAppointmentColumn> = {
  id: required("Appointment ID"),
  customerId: required("Customer ID", "POM Customer ID"),
  scheduledAt: optional("Scheduled", "Scheduled Date", "Scheduled For", "Date", "Start", "Start Time", "Appointment Date"),
  status: optional("Appointment Status")
}

export type PomServiceColumn = "id" | "customerId" | "appointmentId" | "completedAt"

export const pomServiceColumns: ColumnAliases<PomServiceColumn> = {
  id: required("Service ID"),
  customerId: required("Customer ID", "POM Customer ID"),
  appointmentId: optional("Appointment ID", "Appointment"),
  completedAt: optional("Completed", "Completed Date", "Date Completed", "Completed On", "Date")
}
