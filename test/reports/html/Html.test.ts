import { describe, expect, it } from "vitest"
import { escapeHtml, html, trusted } from "../../../reports/html/Html.ts"

describe("html", () => {
  it("escapes every interpolated string, in text and in quoted attributes", () => {
    const name = `<script>alert("x")</script> O'Neil & Sons`
    const out = html`<p title="${name}">${name}</p>`.markup
    expect(out).toBe(
      `<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil &amp; Sons">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Neil &amp; Sons</p>`
    )
    expect(out).not.toContain("<script")
  })

  it("keeps nested fragments as markup and flattens lists", () => {
    const items = ["a<b", "c"].map((s) => html`<li>${s}</li>`)
    expect(html`<ul>${items}</ul>`.markup).toBe("<ul><li>a&lt;b</li><li>c</li></ul>")
    expect(html`${trusted("<hr>")}`.markup).toBe("<hr>")
  })

  it("renders absent optional parts as nothing and numbers as digits", () => {
    const flag = false
    expect(html`[${null}${undefined}${flag && html`<b>x</b>`}${42}]`.markup).toBe("[42]")
  })

  it("escapes the five characters that can break out of text or an attribute", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;")
    expect(escapeHtml("plain text")).toBe("plain text")
  })
})

describe("html and bidirectional text", () => {
  const controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C"]

  it("removes every control that could reorder a customer's text on the page, in content and attributes", () => {
    for (const ch of controls) {
      const name = `Jane ${ch}eoD${ch} <b>`
      expect(html`<td title="${name}">${name}</td>`.markup).toBe(`<td title="Jane eoD &lt;b&gt;">Jane eoD &lt;b&gt;</td>`)
    }
  })

  it("keeps other text as it is, right-to-left letters included", () => {
    expect(escapeHtml("שלום Doe – Zoë")).toBe("שלום Doe – Zoë")
  })
})
