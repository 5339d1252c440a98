import {
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema
} from "graphql"

export interface GraphqlReply {
  readonly status: number
  readonly body: unknown
  readonly operationName: string | null
}

const failure = (status: number, code: string, messages: ReadonlyArray<string>, operationName: string | null): GraphqlReply => ({
  status,
  operationName,
  body: { errors: messages.map((message) => ({ message, extensions: { code } })) }
})

const errorJson = (error: GraphQLError) => {
  const code = typeof error.extensions["code"] === "string" ? error.extensions["code"] : "INTERNAL_SERVER_ERROR"
  return { ...error.toJSON(), extensions: { ...error.extensions, code } }
}

const parseDocument = (query: string): DocumentNode | GraphQLError => {
  try {
    return parse(query)
  } catch (error) {
    return error instanceof GraphQLError ? error : new GraphQLError(String(error))
  }
}

/**
 * Runs one GraphQL request the way a production GraphQL server does, in stages, so each kind of mistake gets the
 * status and `extensions.code` a real server (Apollo conventions) would give it: syntax → GRAPHQL_PARSE_FAILED,
 * unknown fields or wrong argument types → GRAPHQL_VALIDATION_FAILED, bad variable values (an unknown enum value
 * such as a status POM does not have) → BAD_USER_INPUT, all with HTTP 400; resolver errors come back with 200.
 */
export const executeGraphql = async (
  schema: GraphQLSchema,
  rootValue: unknown,
  request: unknown
): Promise<GraphqlReply> => {
  const body = typeof request === "object" && request !== null ? Object.fromEntries(Object.entries(request)) : {}
  const query = body["query"]
  const requestedName = typeof body["operationName"] === "string" ? body["operationName"] : null
  if (typeof query !== "string") return failure(400, "BAD_REQUEST", ["POST body must be JSON with a string `query`"], requestedName)

  const document = parseDocument(query)
  if (document instanceof GraphQLError) return failure(400, "GRAPHQL_PARSE_FAILED", [document.message], requestedName)

  const operation = getOperationAST(document, requestedName)
  const operationName = operation?.name?.value ?? requestedName
  const invalid = validate(schema, document)
  if (invalid.length > 0) return failure(400, "GRAPHQL_VALIDATION_FAILED", invalid.map((e) => e.message), operationName)
  if (operation === null || operation === undefined) {
    return failure(400, "BAD_REQUEST", ["operationName does not name exactly one operation in the document"], operationName)
  }

  const variables = body["variables"]
  const rawVariables = typeof variables === "object" && variables !== null ? Object.fromEntries(Object.entries(variables)) : {}
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables)
  if (coerced.errors !== undefined) return failure(400, "BAD_USER_INPUT", coerced.errors.map((e) => e.message), operationName)

  const result = await execute({ schema, document, rootValue, variableValues: rawVariables, operationName: operation.name?.value })
  return {
    status: 200,
    operationName,
    body: {
      ...(result.errors === undefined ? {} : { errors: result.errors.map(errorJson) }),
      data: result.data ?? null
    }
  }
}
