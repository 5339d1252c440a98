/**
 * The subset of QBO's query language the local server understands, with QBO's own limits:
 * `SELECT * | COUNT(*) FROM <Entity> [WHERE c AND c ...] [ORDERBY f [ASC|DESC], ...] [STARTPOSITION n] [MAXRESULTS n]`.
 * There is no OR, no projection and no join in QBO either; anything else is a 4000 "Error parsing query".
 */

export type QueryOperator = "=" | "<" | ">" | "<=" | ">=" | "LIKE" | "IN"
export type QueryLiteral = string | number | boolean

export interface QueryCondition {
  readonly field: string
  readonly operator: QueryOperator
  readonly value: QueryLiteral | ReadonlyArray<QueryLiteral>
}

export interface QueryOrder {
  readonly field: string
  readonly descending: boolean
}

export interface ParsedQuery {
  readonly count: boolean
  readonly entity: string
  readonly where: ReadonlyArray<QueryCondition>
  readonly orderBy: ReadonlyArray<QueryOrder>
  /** 1-based, as in QBO. */
  readonly startPosition: number
  readonly maxResults: number
}

export type QueryParseResult =
  | { readonly ok: true; readonly query: ParsedQuery }
  | { readonly ok: false; readonly detail: string }

export const defaultMaxResults = 100
export const maxMaxResults = 1000

type Token =
  | { readonly kind: "word"; readonly text: string; readonly column: number }
  | { readonly kind: "string"; readonly text: string; readonly column: number }
  | { readonly kind: "number"; readonly value: number; readonly text: string; readonly column: number }
  | { readonly kind: "symbol"; readonly text: string; readonly column: number }

const symbols = ["<=", ">=", "<", ">", "=", "(", ")", ",", "*"]

class ParseFailure {
  constructor(readonly detail: string) {}
}

const encountered = (token: Token | undefined, expecting: string): ParseFailure =>
  token === undefined
    ? new ParseFailure(`QueryParserError: Encountered "<EOF>" at end of query.\nWas expecting:\n    ${expecting} ...\n    `)
    : new ParseFailure(
        `QueryParserError: Encountered " "${token.text}" "${token.text.toUpperCase()} "" at line 1, column ${token.column}.\n` +
          `Was expecting:\n    ${expecting} ...\n    `
      )

const tokenize = (text: string): Array<Token> | ParseFailure => {
  const tokens: Array<Token> = []
  let i = 0
  while (i < text.length) {
    const ch = text.charAt(i)
    const column = i + 1
    if (/\s/.test(ch)) {
      i++
    } else if (ch === "'") {
      let value = ""
      let j = i + 1
      let closed = false
      while (j < text.length) {
        const c = text.charAt(j)
        if (c === "\\" && j + 1 < text.length) {
          value += text.charAt(j + 1)
          j += 2
        } else if (c === "'") {
          closed = true
          j++
          break
        } else {
          value += c
          j++
        }
      }
      if (!closed) return new ParseFailure(`QueryParserError: Lexical error at line 1, column ${column}. Unterminated string.`)
      tokens.push({ kind: "string", text: value, column })
      i = j
    } else if (/[-0-9]/.test(ch)) {
      const match = /^-?\d+(\.\d+)?/.exec(text.slice(i))
      if (match === null) return new ParseFailure(`QueryParserError: Lexical error at line 1, column ${column}.`)
      tokens.push({ kind: "number", value: Number(match[0]), text: match[0], column })
      i += match[0].length
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i))
      const word = match?.[0] ?? ch
      tokens.push({ kind: "word", text: word, column })
      i += word.length
    } else {
      const symbol = symbols.find((s) => text.startsWith(s, i))
      if (symbol === undefined) {
        return new ParseFailure(`QueryParserError: Lexical error at line 1, column ${column}. Encountered: "${ch}"`)
      }
      tokens.push({ kind: "symbol", text: symbol, column })
      i += symbol.length
    }
  }
  return tokens
}

const isWord = (token: Token | undefined, word: string): boolean =>
  token !== undefined && token.kind === "word" && token.text.toUpperCase() === word

const isSymbol = (token: Token | undefined, symbol: string): boolean =>
  token !== undefined && token.kind === "symbol" && token.text === symbol

const reserved = new Set(["SELECT", "FROM", "WHERE", "AND", "OR", "ORDERBY", "STARTPOSITION", "MAXRESULTS", "IN", "LIKE"])

class Parser {
  private position = 0
  constructor(private readonly tokens: ReadonlyArray<Token>) {}

  private peek(): Token | undefined {
    return this.tokens[this.position]
  }

  private next(): Token | undefined {
    const token = this.tokens[this.position]
    this.position++
    return token
  }

  private expectWord(word: string): void {
    const token = this.next()
    if (!isWord(token, word)) throw encountered(token, `"${word}"`)
  }

  private expectSymbol(symbol: string): void {
    const token = this.next()
    if (!isSymbol(token, symbol)) throw encountered(token, `"${symbol}"`)
  }

  private identifier(): string {
    const token = this.next()
    if (token === undefined || token.kind !== "word" || reserved.has(token.text.toUpperCase())) {
      throw encountered(token, "<IDENTIFIER>")
    }
    return token.text
  }

  private literal(): QueryLiteral {
    const token = this.next()
    if (token === undefined) throw encountered(token, "<STRING>")
    if (token.kind === "string") return token.text
    if (token.kind === "number") return token.value
    if (isWord(token, "TRUE")) return true
    if (isWord(token, "FALSE")) return false
    throw encountered(token, "<STRING>")
  }

  private positiveInteger(): number {
    const token = this.next()
    if (token === undefined || token.kind !== "number" || !Number.isInteger(token.value) || token.value < 0) {
      throw encountered(token, "<INTEGER>")
    }
    return token.value
  }

  private condition(): QueryCondition {
    const field = this.identifier()
    const token = this.next()
    if (token !== undefined && token.kind === "symbol" && ["=", "<", ">", "<=", ">="].includes(token.text)) {
      const operator: QueryOperator =
        token.text === "=" ? "=" : token.text === "<" ? "<" : token.text === ">" ? ">" : token.text === "<=" ? "<=" : ">="
      return { field, operator, value: this.literal() }
    }
    if (isWord(token, "LIKE")) {
      const value = this.literal()
      if (typeof value !== "string") throw encountered(token, "<STRING>")
      return { field, operator: "LIKE", value }
    }
    if (isWord(token, "IN")) {
      this.expectSymbol("(")
      const values: Array<QueryLiteral> = [this.literal()]
      while (isSymbol(this.peek(), ",")) {
        this.next()
        values.push(this.literal())
      }
      this.expectSymbol(")")
      return { field, operator: "IN", value: values }
    }
    throw encountered(token, "\"=\" | \"<\" | \">\" | \"<=\" | \">=\" | \"LIKE\" | \"IN\"")
  }

  parse(): ParsedQuery {
    this.expectWord("SELECT")
    let count = false
    if (isSymbol(this.peek(), "*")) {
      this.next()
    } else if (isWord(this.peek(), "COUNT")) {
      this.next()
      this.expectSymbol("(")
      this.expectSymbol("*")
      this.expectSymbol(")")
      count = true
    } else {
      throw encountered(this.peek(), "\"*\" | \"COUNT\"")
    }
    this.expectWord("FROM")
    const entity = this.identifier()
    const where: Array<QueryCondition> = []
    if (isWord(this.peek(), "WHERE")) {
      this.next()
      where.push(this.condition())
      while (isWord(this.peek(), "AND")) {
        this.next()
        where.push(this.condition())
      }
    }
    const orderBy: Array<QueryOrder> = []
    if (isWord(this.peek(), "ORDERBY")) {
      this.next()
      do {
        if (orderBy.length > 0) this.next()
        const field = this.identifier()
        let descending = false
        if (isWord(this.peek(), "ASC")) this.next()
        else if (isWord(this.peek(), "DESC")) {
          this.next()
          descending = true
        }
        orderBy.push({ field, descending })
      } while (isSymbol(this.peek(), ","))
    }
    let startPosition = 1
    let maxResults = defaultMaxResults
    // QBO accepts STARTPOSITION and MAXRESULTS in either order.
    for (let i = 0; i < 2; i++) {
      if (isWord(this.peek(), "STARTPOSITION")) {
        this.next()
        startPosition = Math.max(1, this.positiveInteger())
      } else if (isWord(this.peek(), "MAXRESULTS")) {
        this.next()
        maxResults = Math.min(maxMaxResults, this.positiveInteger())
      }
    }
    const rest = this.peek()
    if (rest !== undefined) throw encountered(rest, "<EOF>")
    return { count, entity, where, orderBy, startPosition, maxResults }
  }
}

/** Parses one QBO query. Never throws: a syntax error comes back as the Detail text QBO would send. */
export const parseQboQuery = (text: string): QueryParseResult => {
  const tokens = tokenize(text.trim())
  if (tokens instanceof ParseFailure) return { ok: false, detail: tokens.detail }
  try {
    return { ok: true, query: new Parser(tokens).parse() }
  } catch (failure) {
    if (failure instanceof ParseFailure) return { ok: false, detail: failure.detail }
    throw failure
  }
}
