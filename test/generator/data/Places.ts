import type { NonEmptyReadonlyArray } from "effect/Array"

/*
 * Towns where pool service is a large trade, with real ZIP codes and area codes, so addresses and phones look
 * like the ones a matcher meets in production.
 */

export interface Town {
  readonly city: string
  readonly state: string
  readonly zips: NonEmptyReadonlyArray<string>
  readonly areaCodes: NonEmptyReadonlyArray<string>
  /** Phoenix-style grids: "N 44th St", "E Camelback Rd". */
  readonly grid: boolean
}

const town = (
  city: string,
  state: string,
  zips: NonEmptyReadonlyArray<string>,
  areaCodes: NonEmptyReadonlyArray<string>,
  grid = false
): Town => ({ city, state, zips, areaCodes, grid })

export const towns: NonEmptyReadonlyArray<Town> = [
  town("Tampa", "FL", ["33609", "33611", "33618", "33624", "33626", "33629", "33647"], ["813"]),
  town("Clearwater", "FL", ["33756", "33759", "33761", "33764", "33765"], ["727"]),
  town("St. Petersburg", "FL", ["33703", "33704", "33710", "33713"], ["727"]),
  town("Brandon", "FL", ["33510", "33511"], ["813"]),
  town("Sarasota", "FL", ["34231", "34232", "34238", "34241"], ["941"]),
  town("Fort Myers", "FL", ["33901", "33907", "33908", "33912", "33919"], ["239"]),
  town("Cape Coral", "FL", ["33904", "33909", "33914", "33990", "33991"], ["239"]),
  town("Naples", "FL", ["34102", "34103", "34108", "34109", "34110", "34119"], ["239"]),
  town("Orlando", "FL", ["32801", "32803", "32806", "32819", "32835"], ["407", "321"]),
  town("Boca Raton", "FL", ["33431", "33432", "33433", "33434", "33486", "33496"], ["561"]),
  town("Port St. Lucie", "FL", ["34952", "34953", "34986", "34987"], ["772"]),
  town("Phoenix", "AZ", ["85016", "85018", "85020", "85028", "85032", "85044", "85048", "85050"], ["602"], true),
  town("Scottsdale", "AZ", ["85250", "85251", "85254", "85255", "85258", "85259", "85260"], ["480"], true),
  town("Mesa", "AZ", ["85201", "85203", "85205", "85206", "85213", "85215"], ["480"], true),
  town("Chandler", "AZ", ["85224", "85225", "85226", "85248", "85249", "85286"], ["480"], true),
  town("Gilbert", "AZ", ["85233", "85234", "85295", "85296", "85297", "85298"], ["480"], true),
  town("Tempe", "AZ", ["85281", "85282", "85283", "85284"], ["480"], true),
  town("Glendale", "AZ", ["85304", "85306", "85308", "85310"], ["623"], true),
  town("Peoria", "AZ", ["85345", "85381", "85382", "85383"], ["623"], true),
  town("Surprise", "AZ", ["85374", "85379", "85387", "85388"], ["623"], true),
  town("Houston", "TX", ["77005", "77024", "77057", "77079", "77094"], ["713", "281", "832"]),
  town("Katy", "TX", ["77449", "77450", "77493", "77494"], ["281", "832"]),
  town("Sugar Land", "TX", ["77478", "77479", "77498"], ["281", "832"]),
  town("The Woodlands", "TX", ["77380", "77381", "77382", "77384"], ["281", "936"]),
  town("Frisco", "TX", ["75033", "75034", "75035"], ["972", "469"]),
  town("Plano", "TX", ["75023", "75024", "75025", "75093"], ["972", "469"]),
  town("Austin", "TX", ["78731", "78733", "78746", "78750", "78759"], ["512", "737"]),
  town("San Antonio", "TX", ["78209", "78230", "78249", "78256", "78258", "78260"], ["210"]),
  town("Riverside", "CA", ["92503", "92504", "92506", "92508"], ["951"]),
  town("Temecula", "CA", ["92590", "92591", "92592"], ["951"]),
  town("Palm Springs", "CA", ["92262", "92264"], ["760", "442"]),
  town("Palm Desert", "CA", ["92211", "92260"], ["760", "442"]),
  town("Fresno", "CA", ["93711", "93720", "93722"], ["559"]),
  town("Bakersfield", "CA", ["93306", "93311", "93312", "93314"], ["661"]),
  town("Rancho Cucamonga", "CA", ["91701", "91730", "91737", "91739"], ["909"]),
  town("Sacramento", "CA", ["95831", "95864"], ["916", "279"])
]

/** Where snowbirds and landlords live: billing addresses far from the pool. */
export const remoteBillingTowns: NonEmptyReadonlyArray<Town> = [
  town("Columbus", "OH", ["43220", "43221", "43235"], ["614"]),
  town("Ann Arbor", "MI", ["48103", "48104", "48105"], ["734"]),
  town("Naperville", "IL", ["60540", "60563", "60565"], ["630"]),
  town("Minneapolis", "MN", ["55410", "55416", "55419"], ["612"]),
  town("Buffalo", "NY", ["14216", "14221", "14226"], ["716"]),
  town("Seattle", "WA", ["98105", "98115", "98199"], ["206"])
]

export const streetNames: NonEmptyReadonlyArray<string> = [
  "Palm", "Oak", "Sunset", "Bayshore", "Magnolia", "Cypress", "Mangrove", "Pelican", "Heron", "Egret",
  "Coral", "Seagrape", "Tarpon", "Osprey", "Manatee", "Gulf", "Harbor", "Lakeview", "Orange Blossom", "Hibiscus",
  "Jasmine", "Bougainvillea", "Royal Palm", "Banyan", "Citrus", "Key Lime", "Sandpiper", "Dolphin", "Marlin",
  "Lighthouse", "Mesquite", "Saguaro", "Ocotillo", "Palo Verde", "Desert Willow", "Cholla", "Sonoran", "Javelina",
  "Quail Run", "Roadrunner", "Pinnacle Peak", "Cactus", "Shea", "Camelback", "Indian School", "McDowell", "Thunderbird",
  "Bluebonnet", "Live Oak", "Pecan", "Mockingbird", "Cedar Ridge", "Lone Star", "Post Oak", "Hickory", "Willow Bend",
  "Preston", "Lakewood", "Prairie", "Sycamore", "Chaparral", "Jacaranda", "Vista del Sol", "Avenida Rosa", "Olive",
  "Eucalyptus", "Vineyard", "Madrone", "Poppy", "Sierra", "Canyon", "Ridgeview", "Hillcrest", "Maple", "Elm",
  "Pine", "Birch", "Walnut", "Chestnut", "Laurel", "Juniper", "Aspen", "Redwood", "Sequoia", "Granada",
  "Cordova", "Valencia", "Madrid", "Sevilla", "Monterey", "Carmel", "Catalina", "Newport", "Del Mar", "Coronado",
  "Washington", "Lincoln", "Jefferson", "Madison", "Monroe", "Jackson", "Franklin", "Adams", "Hamilton", "Grant",
  "Sunrise", "Morning Dove", "Whispering Pines", "Stonebridge", "Fox Run", "Deer Creek", "Eagle Crest", "Falcon",
  "Hawk Ridge", "Country Club", "Fairway", "Augusta", "St. Andrews", "Pebble Beach", "Bent Tree", "Spanish Moss"
]

/** Street types: the short form POM users type most, and the spelled-out form QBO imports often carry. */
export const streetSuffixes: NonEmptyReadonlyArray<readonly [short: string, long: string]> = [
  ["St", "Street"],
  ["Ave", "Avenue"],
  ["Dr", "Drive"],
  ["Ln", "Lane"],
  ["Ct", "Court"],
  ["Blvd", "Boulevard"],
  ["Way", "Way"],
  ["Cir", "Circle"],
  ["Pl", "Place"],
  ["Rd", "Road"],
  ["Ter", "Terrace"],
  ["Trl", "Trail"],
  ["Pkwy", "Parkway"],
  ["Loop", "Loop"]
]

export const directions: NonEmptyReadonlyArray<readonly [short: string, long: string]> = [
  ["N", "North"],
  ["S", "South"],
  ["E", "East"],
  ["W", "West"]
]

export const emailDomains: NonEmptyReadonlyArray<string> = [
  "gmail.com", "gmail.com", "gmail.com", "gmail.com", "yahoo.com", "yahoo.com", "hotmail.com", "outlook.com",
  "aol.com", "icloud.com", "comcast.net", "att.net", "verizon.net", "sbcglobal.net", "cox.net", "msn.com",
  "live.com", "me.com", "bellsouth.net", "earthlink.net"
]
