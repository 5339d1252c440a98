import { Option } from "effect"
import { fileURLToPath } from "node:url"
import { defaultMatchSettings } from "../../../matchers/FellegiSunterMatcher.ts"
import { runEvaluation } from "../../../matchers/eval/runEvaluation.ts"

export const tinyLabelledCsv: string = fileURLToPath(new URL("../../fixtures/matchers/tiny-labelled.csv", import.meta.url))
export const febrlMap = "firstName=given_name,lastName=surname,street=street_number+address_1,city=suburb,state=state,zip=postcode"
/** The public labelled sets the tests use, copied into the repository (see test/fixtures/datasets/README.md). */
export const datasets: string = fileURLToPath(new URL("../../fixtures/datasets", import.meta.url))

/** Febrl 4a linked to 4b on the fields pool customers have, at the default threshold, as the README's command runs it. */
export const evaluateFebrl4 = () =>
  runEvaluation({
    records: `${datasets}/febrl/dataset4a.csv`,
    right: Option.some(`${datasets}/febrl/dataset4b.csv`),
    id: "rec_id",
    truth: "rec_id",
    map: febrlMap,
    truthPattern: Option.some("rec-(\\d+)"),
    threshold: defaultMatchSettings.matchThreshold
  })

/** Splink's fake_1000 deduplicated on its first name, surname, city and email, as the README's command runs it. */
export const evaluateFake1000 = () =>
  runEvaluation({
    records: `${datasets}/splink/fake_1000.csv`,
    right: Option.none(),
    id: "unique_id",
    truth: "cluster",
    map: "firstName=first_name,lastName=surname,city=city,email=email",
    truthPattern: Option.none(),
    threshold: defaultMatchSettings.matchThreshold
  })
