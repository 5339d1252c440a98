/**
 * A URL as it may appear in a log line or an error: scheme, host, port and path only. Webhook URLs often carry a
 * secret in the user info, the query or the fragment (`https://user:token@hooks.example/x?key=...`).
 */
export const redactUrl = (url: string): string => {
  if (!URL.canParse(url)) return "(a URL that cannot be read)"
  const u = new URL(url)
  return `${u.protocol}//${u.host}${u.pathname}`
}

const URL_IN_TEXT = /[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()]+/gi

/** The text with every URL in it redacted: error messages of HTTP clients quote the URL they were given. */
export const redactUrlsIn = (text: string): string => text.replace(URL_IN_TEXT, redactUrl)
