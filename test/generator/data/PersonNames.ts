import type { NonEmptyReadonlyArray } from "effect/Array"

/*
 * Name lists, most frequent first (the generator weights them by rank, so Smith and Johnson repeat the way they do
 * in a real customer list, and the tail gives the rarer surnames that relatives share).
 */

export const maleFirstNames: NonEmptyReadonlyArray<string> = [
  "James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Christopher",
  "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua",
  "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward", "Jason", "Jeffrey", "Ryan",
  "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon",
  "Benjamin", "Samuel", "Gregory", "Alexander", "Frank", "Patrick", "Raymond", "Jack", "Dennis", "Jerry",
  "Tyler", "Aaron", "José", "Adam", "Nathan", "Henry", "Douglas", "Zachary", "Peter", "Kyle",
  "Walter", "Ethan", "Jeremy", "Harold", "Keith", "Christian", "Roger", "Noah", "Gerald", "Carl",
  "Terry", "Sean", "Austin", "Arthur", "Lawrence", "Jesse", "Dylan", "Bryan", "Joe", "Jordan",
  "Billy", "Bruce", "Albert", "Willie", "Gabriel", "Logan", "Alan", "Juan", "Wayne", "Roy",
  "Ralph", "Randy", "Eugene", "Vincent", "Russell", "Elijah", "Louis", "Bobby", "Philip", "Johnny",
  "Hector", "Luis", "Carlos", "Miguel", "Rafael", "Minh", "Wei", "Raj", "Tariq", "Dmitri",
  "Theodore", "Frederick", "Clifford", "Desmond", "Ignacio", "Kwame", "Lars", "Malcolm", "Otis", "Rudy"
]

export const femaleFirstNames: NonEmptyReadonlyArray<string> = [
  "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
  "Lisa", "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna", "Michelle",
  "Carol", "Amanda", "Dorothy", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia",
  "Kathleen", "Amy", "Angela", "Shirley", "Anna", "Brenda", "Pamela", "Emma", "Nicole", "Helen",
  "Samantha", "Katherine", "Christine", "Debra", "Rachel", "Carolyn", "Janet", "Catherine", "Maria", "Heather",
  "Diane", "Ruth", "Julie", "Olivia", "Joyce", "Virginia", "Victoria", "Kelly", "Lauren", "Christina",
  "Joan", "Evelyn", "Judith", "Megan", "Andrea", "Cheryl", "Hannah", "Jacqueline", "Martha", "Gloria",
  "Teresa", "Ann", "Sara", "Madison", "Frances", "Kathryn", "Janice", "Jean", "Abigail", "Alice",
  "Judy", "Sophia", "Grace", "Denise", "Amber", "Doris", "Marilyn", "Danielle", "Beverly", "Isabella",
  "Theresa", "Diana", "Natalie", "Brittany", "Charlotte", "Marie", "Kayla", "Alexis", "Lori", "Rosa",
  "Guadalupe", "Lucia", "Mei", "Priya", "Yolanda", "Ingrid", "Fatima", "Svetlana", "Imani", "Colleen",
  "Alexandra", "Gwendolyn", "Marisol", "Noreen", "Odette", "Penelope", "Rosalind", "Tamsin", "Winifred", "Zoe"
]

export const lastNames: NonEmptyReadonlyArray<string> = [
  "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
  "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
  "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
  "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
  "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter", "Roberts",
  "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
  "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper",
  "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson",
  "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes",
  "Price", "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez",
  "Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
  "Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham",
  "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson",
  "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro", "Marshall", "Owens",
  "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen",
  "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter",
  "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Muñoz", "Hunt", "Hicks",
  "Holmes", "Palmer", "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox",
  "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens",
  "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins",
  "O'Brien", "McCarthy", "DeLuca", "Van Buren", "St. Clair", "Peña", "Yamamoto", "Kowalski", "Okafor", "Haddad",
  "Abernathy", "Blackwood", "Castellanos", "Delacroix", "Eberhardt", "Fairweather", "Galloway", "Hargrove",
  "Ingersoll", "Jablonski", "Kirkpatrick", "Lindqvist", "Marchetti", "Novak", "Oyelaran", "Pendergast",
  "Quintanilla", "Rasmussen", "Szymanski", "Thornbury", "Underwood", "Vanderhoek", "Whitfield", "Yarborough",
  "Zielinski", "Ashcroft", "Beaumont", "Calloway", "Dragomir", "Esposito", "Fitzgerald", "Grzelak",
  "Holloway", "Iannucci", "Jorgensen", "Kuznetsov", "Lombardi", "Montgomery", "Nakamura", "Oduya",
  "Papadopoulos", "Rosenthal", "Sorensen", "Takahashi", "Umberger", "Villanueva", "Wojcik", "Xiong", "Zamora"
]

/**
 * The rank from which `lastNames` counts as rare-ish: few enough customers share these that two accounts with one
 * of them and different first names are most likely relatives.
 */
export const rareLastNameFrom = 210

/*
 * Formal name → the nicknames people actually go by. Every pair is in the public nickname table
 * carltonnorthern/nicknames (names.csv, Apache-2.0); only the common ones are kept, since a customer writes
 * "Bob" but rarely "Hob".
 */
export const nicknames: ReadonlyMap<string, NonEmptyReadonlyArray<string>> = new Map<
  string,
  NonEmptyReadonlyArray<string>
>([
  ["James", ["Jim", "Jimmy", "Jamie"]],
  ["Robert", ["Bob", "Rob", "Bobby"]],
  ["John", ["Jack", "Johnny", "Jon"]],
  ["Michael", ["Mike", "Mickey"]],
  ["David", ["Dave"]],
  ["William", ["Bill", "Will", "Billy"]],
  ["Richard", ["Rick", "Rich", "Dick"]],
  ["Joseph", ["Joe", "Joey"]],
  ["Thomas", ["Tom", "Tommy"]],
  ["Christopher", ["Chris"]],
  ["Charles", ["Charlie", "Chuck"]],
  ["Daniel", ["Dan", "Danny"]],
  ["Matthew", ["Matt"]],
  ["Anthony", ["Tony"]],
  ["Donald", ["Don", "Donny"]],
  ["Steven", ["Steve"]],
  ["Andrew", ["Andy", "Drew"]],
  ["Kenneth", ["Ken", "Kenny"]],
  ["Timothy", ["Tim"]],
  ["Ronald", ["Ron", "Ronnie"]],
  ["Edward", ["Ed", "Eddie", "Ted"]],
  ["Jeffrey", ["Jeff"]],
  ["Nicholas", ["Nick"]],
  ["Jonathan", ["Jon", "Nathan"]],
  ["Lawrence", ["Larry"]],
  ["Benjamin", ["Ben", "Benny"]],
  ["Gregory", ["Greg"]],
  ["Alexander", ["Alex", "Al"]],
  ["Raymond", ["Ray"]],
  ["Theodore", ["Ted", "Theo"]],
  ["Frederick", ["Fred", "Freddie"]],
  ["Elizabeth", ["Liz", "Beth", "Betty"]],
  ["Patricia", ["Pat", "Patty", "Trish"]],
  ["Jennifer", ["Jen", "Jenny"]],
  ["Margaret", ["Maggie", "Peggy", "Meg"]],
  ["Susan", ["Sue", "Susie"]],
  ["Kimberly", ["Kim"]],
  ["Deborah", ["Deb", "Debbie"]],
  ["Rebecca", ["Becky", "Becca"]],
  ["Jessica", ["Jess", "Jessie"]],
  ["Samantha", ["Sam"]],
  ["Victoria", ["Vicky", "Tori"]],
  ["Christine", ["Chris", "Tina"]],
  ["Barbara", ["Barbie", "Babs"]],
  ["Katherine", ["Kathy", "Kate", "Katy"]],
  ["Catherine", ["Cathy", "Kathy"]],
  ["Cynthia", ["Cindy"]],
  ["Pamela", ["Pam"]],
  ["Stephanie", ["Steph"]],
  ["Dorothy", ["Dot", "Dottie"]],
  ["Judith", ["Judy"]],
  ["Jacqueline", ["Jackie"]],
  ["Abigail", ["Abby"]],
  ["Alexandra", ["Alex", "Sandy"]]
])
