import { stringify } from "csv-stringify/sync"
import { mkdirSync, writeFileSync } from "node:fs"
import * as path from "node:path"
import { parseArgs } from "node:util"
import { internationalCustomers, type LabelledCustomer } from "./internationalCustomers.ts"

/*
 * Writes the Canadian, British and Australian labelled set as two CSVs for `reconcile eval`:
 * `npx tsx test/generator/international/cli.ts --seed 1 --per-country 600 --out DIR`, then
 * `npx reconcile eval --records DIR/pom.csv --right DIR/qbo.csv --id id --truth entity --map "$(cat DIR/map.txt)"`.
 */
const { values } = parseArgs({ options: { seed: { type: "string", default: "1" }, "per-country": { type: "string", default: "600" }, out: { type: "string" } } })
if (values.out === undefined) throw new Error("--out DIR is required")
const set = internationalCustomers({ seed: Number(values.seed), perCountry: Number(values["per-country"]) })
const columns: ReadonlyArray<keyof LabelledCustomer> = ["id", "entity", "country", "firstName", "lastName", "email", "phone", "street", "city", "state", "postcode"]
const csv = (rows: ReadonlyArray<LabelledCustomer>): string => stringify(rows.map((r) => columns.map((c) => r[c])), { header: true, columns: [...columns] })
mkdirSync(values.out, { recursive: true })
writeFileSync(path.join(values.out, "pom.csv"), csv(set.left))
writeFileSync(path.join(values.out, "qbo.csv"), csv(set.right))
writeFileSync(path.join(values.out, "map.txt"), "firstName=firstName,lastName=lastName,email=email,phone=phone,street=street,city=city,state=state,zip=postcode")
process.stdout.write(`${set.left.length} customers, ${set.lookAlikes.length} look-alike pairs → ${values.out}\n`)
