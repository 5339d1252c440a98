/**
 * How deep QBO's own JSON nests: a page list, a batch item, a query response, an entity, its lines and their
 * details stay under a dozen levels. Far deeper is not a QBO export, and walking it would exhaust the stack.
 */
export const MAX_JSON_DEPTH = 64
