import { StringIndex } from "../collections/StringIndex.ts"

/**
 * `f` computed once per distinct input text for as long as the returned function lives. Records share spellings
 * (a POM account and its QBO customer, a town typed the same on thousands of accounts), so preparing them
 * normalises each spelling once. The cache goes with the function: keep it no longer than one run.
 */
export const memoizeByText = <A extends NonNullable<unknown>>(f: (text: string) => A): ((text: string) => A) => {
  const texts = new StringIndex()
  // By the text's id in `texts`, stored once `f` has returned.
  const results: Array<A> = []
  return (text) => {
    const id = texts.idOf(text)
    const known = results[id]
    if (known !== undefined) return known
    const result = f(text)
    results[id] = result
    return result
  }
}
