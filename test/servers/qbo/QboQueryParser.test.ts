import { describe, expect, it } from "vitest"
import { parseQboQuery } from "./QboQueryParser.ts"

const parsed = (text: string) => {
  const result = parseQboQuery(text)
  if (!result.ok) throw new Error(result.detail)
  return result.query
}

const detailOf = (text: string): string => {
  const result = parseQboQuery(text)
  if (result.ok) throw new Error(`expected a parse error for ${text}`)
  return result.detail
}

describe("parseQboQuery", () => {
  it("reads a full query with every clause, in any keyword case", () => {
    expect(
      parsed("select * from Customer Where Active IN (true, false) and DisplayName LIKE 'Amy%' orderby Id desc STARTPOSITION 1001 maxresults 1000")
    ).toEqual({
      count: false,
      entity: "Customer",
      where: [
        { field: "Active", operator: "IN", value: [true, false] },
        { field: "DisplayName", operator: "LIKE", value: "Amy%" }
      ],
      orderBy: [{ field: "Id", descending: true }],
      startPosition: 1001,
      maxResults: 1000
    })
  })

  it("defaults to the first row and 100 results, and caps MAXRESULTS at 1000", () => {
    expect(parsed("SELECT * FROM Invoice")).toMatchObject({ startPosition: 1, maxResults: 100 })
    expect(parsed("SELECT * FROM Invoice MAXRESULTS 5000")).toMatchObject({ maxResults: 1000 })
    expect(parsed("SELECT * FROM Invoice MAXRESULTS 10 STARTPOSITION 21")).toMatchObject({ maxResults: 10, startPosition: 21 })
  })

  it("reads COUNT(*), comparisons, numbers and escaped quotes", () => {
    expect(parsed("SELECT COUNT(*) FROM Customer")).toMatchObject({ count: true, entity: "Customer" })
    expect(parsed("SELECT * FROM Invoice WHERE Balance >= 10.5 AND TxnDate < '2024-01-01' AND MetaData.LastUpdatedTime <= '2024-02-01'").where).toEqual([
      { field: "Balance", operator: ">=", value: 10.5 },
      { field: "TxnDate", operator: "<", value: "2024-01-01" },
      { field: "MetaData.LastUpdatedTime", operator: "<=", value: "2024-02-01" }
    ])
    expect(parsed("SELECT * FROM Customer WHERE DisplayName = 'Amy\\'s Bird Sanctuary'").where[0]?.value).toBe("Amy's Bird Sanctuary")
  })

  it("refuses OR, which QBO does not have, with QBO's parser message", () => {
    expect(detailOf("SELECT * FROM Customer WHERE Id = '1' OR Id = '2'")).toMatch(/^QueryParserError: Encountered .*OR.* at line 1, column 39/)
  })

  it("refuses projections, a missing FROM and unterminated strings", () => {
    expect(detailOf("SELECT DisplayName FROM Customer")).toContain("QueryParserError")
    expect(detailOf("SELECT *")).toContain("<EOF>")
    expect(detailOf("SELECT * FROM Customer WHERE DisplayName = 'Amy")).toContain("Unterminated")
  })
})
