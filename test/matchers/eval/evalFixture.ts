import { fileURLToPath } from "node:url"

export const tinyLabelledCsv: string = fileURLToPath(new URL("../../fixtures/matchers/tiny-labelled.csv", import.meta.url))
export const febrlMap = "firstName=given_name,lastName=surname,street=street_number+address_1,city=suburb,state=state,zip=postcode"
/** The public labelled sets the tests use, copied into the repository (see test/fixtures/datasets/README.md). */
export const datasets: string = fileURLToPath(new URL("../../fixtures/datasets", import.meta.url))
