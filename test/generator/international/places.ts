import type { NonEmptyReadonlyArray } from "effect/Array"

/*
 * Towns of the three countries outside the US where POM and QBO are sold, with their real postcode areas,
 * regions and dialling codes, enough to type addresses and phones the way people there do. Postcode districts and
 * area codes are public (Royal Mail, Canada Post, Australia Post, Ofcom, CRTC, ACMA); the numbers built from them
 * are random.
 */

export interface BritishTown {
  readonly town: string
  readonly county: string
  /** Outward codes (area and district) of the town. */
  readonly outward: NonEmptyReadonlyArray<string>
  /** Area code without its trunk 0 and the length of the local number after it. */
  readonly areaCode: string
  readonly localDigits: number
}

export const britishTowns: NonEmptyReadonlyArray<BritishTown> = [
  { town: "Bath", county: "Somerset", outward: ["BA1", "BA2"], areaCode: "1225", localDigits: 6 },
  { town: "Shepton Mallet", county: "Somerset", outward: ["BA4"], areaCode: "1749", localDigits: 6 },
  { town: "Wells", county: "Somerset", outward: ["BA5"], areaCode: "1749", localDigits: 6 },
  { town: "Bristol", county: "City of Bristol", outward: ["BS1", "BS3", "BS4", "BS5", "BS7", "BS8"], areaCode: "117", localDigits: 7 },
  { town: "London", county: "Greater London", outward: ["SW1A", "SW4", "SE1", "N1", "E2", "NW3", "EC1A", "W1D"], areaCode: "20", localDigits: 8 },
  { town: "Manchester", county: "Greater Manchester", outward: ["M1", "M4", "M14", "M20"], areaCode: "161", localDigits: 7 },
  { town: "Leeds", county: "West Yorkshire", outward: ["LS1", "LS4", "LS6"], areaCode: "113", localDigits: 7 },
  { town: "Birmingham", county: "West Midlands", outward: ["B1", "B4", "B15"], areaCode: "121", localDigits: 7 },
  { town: "Edinburgh", county: "City of Edinburgh", outward: ["EH1", "EH4", "EH9"], areaCode: "131", localDigits: 7 },
  { town: "Cardiff", county: "South Glamorgan", outward: ["CF10", "CF14", "CF24"], areaCode: "29", localDigits: 8 }
]

export interface CanadianCity {
  readonly city: string
  readonly province: string
  readonly provinceName: string
  /** Forward sortation areas of the city. */
  readonly fsa: NonEmptyReadonlyArray<string>
  readonly areaCodes: NonEmptyReadonlyArray<string>
}

export const canadianCities: NonEmptyReadonlyArray<CanadianCity> = [
  { city: "Toronto", province: "ON", provinceName: "Ontario", fsa: ["M4C", "M5V", "M6G", "M4E", "M5R"], areaCodes: ["416", "647"] },
  { city: "Ottawa", province: "ON", provinceName: "Ontario", fsa: ["K1N", "K1S", "K2P"], areaCodes: ["613"] },
  { city: "Vancouver", province: "BC", provinceName: "British Columbia", fsa: ["V6B", "V5K", "V6K"], areaCodes: ["604", "778"] },
  { city: "Calgary", province: "AB", provinceName: "Alberta", fsa: ["T2P", "T3A", "T2N"], areaCodes: ["403"] },
  { city: "Montréal", province: "QC", provinceName: "Québec", fsa: ["H2X", "H3Z", "H2T"], areaCodes: ["514"] },
  { city: "Halifax", province: "NS", provinceName: "Nova Scotia", fsa: ["B3H", "B3K", "B3L"], areaCodes: ["902"] },
  { city: "Winnipeg", province: "MB", provinceName: "Manitoba", fsa: ["R3C", "R2M"], areaCodes: ["204"] }
]

export interface AustralianCity {
  readonly city: string
  readonly state: string
  readonly stateName: string
  /** The city's postcodes run from `postcodes[0]` to `postcodes[1]`. */
  readonly postcodes: readonly [number, number]
  /** Area code without its trunk 0, and the first digit of local numbers there. */
  readonly areaCode: string
  readonly localFirst: NonEmptyReadonlyArray<string>
}

export const australianCities: NonEmptyReadonlyArray<AustralianCity> = [
  { city: "Sydney", state: "NSW", stateName: "New South Wales", postcodes: [2000, 2234], areaCode: "2", localFirst: ["9", "8"] },
  { city: "Melbourne", state: "VIC", stateName: "Victoria", postcodes: [3000, 3207], areaCode: "3", localFirst: ["9", "8"] },
  { city: "Brisbane", state: "QLD", stateName: "Queensland", postcodes: [4000, 4179], areaCode: "7", localFirst: ["3"] },
  { city: "Perth", state: "WA", stateName: "Western Australia", postcodes: [6000, 6199], areaCode: "8", localFirst: ["9"] },
  { city: "Adelaide", state: "SA", stateName: "South Australia", postcodes: [5000, 5199], areaCode: "8", localFirst: ["8"] },
  { city: "Hobart", state: "TAS", stateName: "Tasmania", postcodes: [7000, 7099], areaCode: "3", localFirst: ["6"] },
  { city: "Darwin", state: "NT", stateName: "Northern Territory", postcodes: [800, 832], areaCode: "8", localFirst: ["8"] }
]

export const givenNames: NonEmptyReadonlyArray<string> = [
  "Oliver", "George", "Harry", "Jack", "Charlie", "Thomas", "James", "William", "Amelia", "Olivia", "Emily", "Isla",
  "Ava", "Jessica", "Sophie", "Grace", "Ruby", "Chloe", "Liam", "Noah", "Ethan", "Lucas", "Mia", "Charlotte", "Emma",
  "Zoe", "Aiden", "Benjamin", "Hannah", "Megan", "Callum", "Fiona", "Rhys", "Siobhan", "Gareth", "Aisling", "Mathieu",
  "Chantal", "Étienne", "Priya", "Arjun", "Mei", "Connor", "Brendan", "Tegan", "Lachlan", "Matilda", "Hamish"
]

export const familyNames: NonEmptyReadonlyArray<string> = [
  "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
  "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
  "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark",
  "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "Scott", "Phillips", "Watson", "Parker", "Price", "Bennett",
  "Young", "Griffiths", "Tremblay", "Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin",
  "Nguyen", "Singh", "Kelly", "Ryan", "O'Brien", "Murphy", "MacDonald", "Campbell", "Stewart", "Anderson", "Kowalski"
]

export const streetNames: NonEmptyReadonlyArray<string> = [
  "High", "Church", "Station", "Victoria", "Park", "Mill", "King", "Queen", "Manor", "Chapel", "Green", "Orchard",
  "Windsor", "York", "Albert", "Springfield", "Maple", "Cedar", "Lakeshore", "Dundas", "Spadina", "George", "Pitt",
  "Collins", "Elizabeth", "Bourke", "Wattle", "Banksia"
]

export const streetTypes: NonEmptyReadonlyArray<string> = [
  "Street", "Road", "Lane", "Close", "Avenue", "Drive", "Way", "Crescent", "Terrace", "Grove", "Parade", "Court"
]
