/**
 * A fragment of markup that is already safe to place in a page. Everything else that reaches the page goes
 * through `html`, which escapes it, so a customer called `<script>` is shown as text and never runs.
 */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup
  }
}

export type HtmlValue = Html | string | number | boolean | null | undefined | ReadonlyArray<HtmlValue>

const entities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
}

/**
 * Bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069) and the marks
 * (U+200E, U+200F, U+061C). In a customer's name they can make the page show text in another order than it
 * holds ("Jane Doe" whose ids read reversed, a number that reads as another), so they are removed from data.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g

/** Escapes text for element content and for quoted attribute values alike, without its bidirectional controls. */
export const escapeHtml = (text: string): string =>
  text.replace(BIDI_CONTROLS, "").replace(/[&<>"']/g, (ch) => entities[ch] ?? ch)

const render = (value: HtmlValue): string => {
  if (value instanceof Html) return value.markup
  if (typeof value === "string") return escapeHtml(value)
  if (typeof value === "number") return String(value)
  // `cond && html\`...\`` is the natural way to write optional markup; its `false` renders as nothing.
  if (value === null || value === undefined || typeof value === "boolean") return ""
  let out = ""
  for (const v of value) out += render(v)
  return out
}

/** Template tag: the literal parts are trusted markup, every interpolated value is escaped unless it is `Html`. */
export const html = (strings: TemplateStringsArray, ...values: ReadonlyArray<HtmlValue>): Html => {
  let out = strings[0] ?? ""
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "")
  return new Html(out)
}

/** Trusted markup written in this folder (the style sheet); never for data. */
export const trusted = (markup: string): Html => new Html(markup)
