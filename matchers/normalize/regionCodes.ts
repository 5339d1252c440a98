/*
 * Canadian provinces and territories (Canada Post's two-letter symbols) and Australian states and territories
 * (Australia Post's abbreviations), in lower case, each "code: spellings that mean it". None of the Canadian codes
 * is a US state's; "wa" and "nt" are both Australian and North American, so they alone never say the country.
 */

const table = (rows: Record<string, ReadonlyArray<string>>): ReadonlyMap<string, string> => {
  const map = new Map<string, string>()
  for (const [code, spellings] of Object.entries(rows)) {
    map.set(code, code)
    for (const s of spellings) map.set(s, code)
  }
  return map
}

export const canadianProvinces: ReadonlyMap<string, string> = table({
  ab: ["alberta", "alta"], bc: ["british columbia", "colombie britannique"], mb: ["manitoba", "man"],
  nb: ["new brunswick", "nouveau brunswick"], nl: ["newfoundland and labrador", "newfoundland", "nfld", "terre neuve et labrador"],
  ns: ["nova scotia", "nouvelle ecosse"], nt: ["northwest territories", "nwt", "territoires du nord ouest"], nu: ["nunavut"],
  on: ["ontario", "ont"], pe: ["prince edward island", "pei", "ile du prince edouard"], qc: ["quebec", "que", "pq"],
  sk: ["saskatchewan", "sask"], yt: ["yukon", "yukon territory"]
})

export const australianStates: ReadonlyMap<string, string> = table({
  act: ["australian capital territory"], nsw: ["new south wales"], nt: ["northern territory"], qld: ["queensland"],
  sa: ["south australia"], tas: ["tasmania"], vic: ["victoria"], wa: ["western australia"]
})
