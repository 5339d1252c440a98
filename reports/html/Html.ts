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

/** Escapes text for element content and for quoted attribute values alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => entities[ch] ?? ch)

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
