/*
 * USPS Publication 28 abbreviations (Appendix C1 street suffixes, C2 secondary unit designators, B directionals)
 * in lower case, plus the state names. Each list is "standard abbreviation: spellings that mean it".
 */

const table = (rows: Record<string, ReadonlyArray<string>>): ReadonlyMap<string, string> => {
  const map = new Map<string, string>()
  for (const [standard, spellings] of Object.entries(rows)) {
    map.set(standard, standard)
    for (const s of spellings) map.set(s, standard)
  }
  return map
}

export const streetSuffixes: ReadonlyMap<string, string> = table({
  aly: ["alley", "allee", "ally"],
  anx: ["annex", "anex", "annx"],
  arc: ["arcade"],
  ave: ["avenue", "av", "aven", "avenu", "avn", "avnue"],
  bch: ["beach"],
  blf: ["bluff", "bluf"],
  blvd: ["boulevard", "boul", "boulv"],
  bnd: ["bend"],
  br: ["branch", "brnch"],
  brg: ["bridge", "brdge"],
  brk: ["brook"],
  byp: ["bypass", "bypa", "bypas", "byps"],
  cir: ["circle", "circ", "circl", "crcl", "crcle"],
  clf: ["cliff"],
  cmn: ["common"],
  cor: ["corner"],
  ct: ["court", "crt"],
  cv: ["cove"],
  cres: ["crescent", "crsent", "crsnt"],
  crk: ["creek"],
  crst: ["crest"],
  cswy: ["causeway", "causwa"],
  ctr: ["center", "centre", "cen", "cent", "centr", "cnter", "cntr"],
  curv: ["curve"],
  cyn: ["canyon", "canyn", "cnyn"],
  dr: ["drive", "driv", "drv"],
  est: ["estate"],
  expy: ["expressway", "exp", "expr", "express", "expw"],
  ext: ["extension", "extn", "extnsn"],
  fls: ["falls"],
  frk: ["fork"],
  frst: ["forest", "forests"],
  frwy: ["freeway", "freewy", "frway", "fwy"],
  gdn: ["garden", "gardn", "grden", "grdn"],
  gln: ["glen"],
  grn: ["green"],
  grv: ["grove", "grov"],
  hbr: ["harbor", "harb", "harbr", "hrbor"],
  hl: ["hill"],
  holw: ["hollow", "hllw", "hollows", "holws"],
  hts: ["heights", "ht"],
  hwy: ["highway", "highwy", "hiway", "hiwy", "hway"],
  jct: ["junction", "jction", "jctn", "junctn", "juncton"],
  knl: ["knoll", "knol"],
  lk: ["lake"],
  ln: ["lane"],
  lndg: ["landing", "lndng"],
  loop: ["loops"],
  mdw: ["meadow", "meadows", "mdws", "medows"],
  mnr: ["manor"],
  mtn: ["mountain", "mntain", "mntn", "mountin", "mtin"],
  orch: ["orchard", "orchrd"],
  park: ["prk", "parks"],
  pass: [],
  path: ["paths"],
  pde: ["parade"],
  pkwy: ["parkway", "parkwy", "pkway", "pky", "parkways", "pkwys"],
  pl: ["place"],
  plz: ["plaza", "plza"],
  pt: ["point"],
  rd: ["road"],
  rdg: ["ridge", "rdge"],
  riv: ["river", "rvr", "rivr"],
  row: [],
  rte: ["route"],
  run: [],
  sq: ["square", "sqr", "sqre", "squ"],
  st: ["street", "strt", "str"],
  ter: ["terrace", "terr"],
  trce: ["trace", "traces"],
  trl: ["trail", "trails", "trls"],
  tpke: ["turnpike", "trnpk", "turnpk"],
  vly: ["valley", "vally", "vlly"],
  vw: ["view"],
  vis: ["vista", "vist", "vst", "vsta"],
  vlg: ["village", "vill", "villag", "villg", "villiage"],
  walk: ["walks"],
  way: ["wy"],
  xing: ["crossing", "crssng"]
})

export const directionals: ReadonlyMap<string, string> = table({
  n: ["north"],
  s: ["south"],
  e: ["east"],
  w: ["west"],
  ne: ["northeast"],
  nw: ["northwest"],
  se: ["southeast"],
  sw: ["southwest"]
})

export const unitDesignators: ReadonlyMap<string, string> = table({
  apt: ["apartment", "appt", "ap"],
  bldg: ["building"],
  fl: ["floor", "flr"],
  lot: [],
  ofc: ["office"],
  ph: ["penthouse"],
  rm: ["room"],
  spc: ["space"],
  ste: ["suite"],
  trlr: ["trailer"],
  unit: ["unt"]
})

export const stateCodes: ReadonlyMap<string, string> = table({
  al: ["alabama"], ak: ["alaska"], az: ["arizona"], ar: ["arkansas"], ca: ["california"], co: ["colorado"],
  ct: ["connecticut"], de: ["delaware"], dc: ["district of columbia"], fl: ["florida"], ga: ["georgia"],
  hi: ["hawaii"], id: ["idaho"], il: ["illinois"], in: ["indiana"], ia: ["iowa"], ks: ["kansas"],
  ky: ["kentucky"], la: ["louisiana"], me: ["maine"], md: ["maryland"], ma: ["massachusetts"], mi: ["michigan"],
  mn: ["minnesota"], ms: ["mississippi"], mo: ["missouri"], mt: ["montana"], ne: ["nebraska"], nv: ["nevada"],
  nh: ["new hampshire"], nj: ["new jersey"], nm: ["new mexico"], ny: ["new york"], nc: ["north carolina"],
  nd: ["north dakota"], oh: ["ohio"], ok: ["oklahoma"], or: ["oregon"], pa: ["pennsylvania"],
  ri: ["rhode island"], sc: ["south carolina"], sd: ["south dakota"], tn: ["tennessee"], tx: ["texas"],
  ut: ["utah"], vt: ["vermont"], va: ["virginia"], wa: ["washington"], wv: ["west virginia"],
  wi: ["wisconsin"], wy: ["wyoming"], pr: ["puerto rico"]
})
