import { GraphQLError } from "graphql"

/*
 * The GraphQL errors the local POM server raises from resolvers, with the `extensions.code` values POM documents
 * (`UNAUTHORIZED`) and the Apollo conventions for the rest (`NOT_FOUND`, `BAD_USER_INPUT`).
 */
export const PomServerError = {
  notFound: (type: string, id: string): GraphQLError =>
    new GraphQLError(`${type} ${id} not found`, { extensions: { code: "NOT_FOUND", type, id } }),
  badUserInput: (message: string, field: string): GraphQLError =>
    new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", field } })
}
