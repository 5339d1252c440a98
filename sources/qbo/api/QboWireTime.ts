import { NodeHttpClient } from "@effect/platform-node"
import { type Context, Effect, Layer } from "effect"

/**
 * When a request actually went out. QBO counts a request when it arrives; between the moment the client decides
 * to start it and the moment its headers are written to a socket lie a new connection's handshake and whatever
 * else the event loop was busy with (measured at 80 ms on an idle machine, several hundred under load). Pacing
 * by the written time leaves only the network's variation to the pacing margin.
 */

type UndiciDispatcher = Context.Tag.Service<typeof NodeHttpClient.Dispatcher>
type DispatchOptions = Parameters<UndiciDispatcher["dispatch"]>[0]
type DispatchHandler = Parameters<UndiciDispatcher["dispatch"]>[1]
type Dispatch = (options: DispatchOptions, handler: DispatchHandler) => boolean

/** The request option that carries the callback; the dispatcher below takes it out before sending. */
const onWrittenKey = "reconcileOnWritten"

const callbackIn = (options: DispatchOptions): (() => void) | undefined => {
  const value: unknown = Reflect.get(options, onWrittenKey)
  return typeof value === "function" ? () => void value() : undefined
}

/** Forwards every event of undici's handler API, telling `onWritten` just before the request goes on the socket. */
const tellingWhenWritten = (handler: DispatchHandler, onWritten: () => void): DispatchHandler => ({
  onRequestStart: (controller, context) => {
    onWritten()
    handler.onRequestStart?.(controller, context)
  },
  onRequestUpgrade: (controller, statusCode, headers, socket) => handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
  onResponseStart: (controller, statusCode, headers, statusMessage) => handler.onResponseStart?.(controller, statusCode, headers, statusMessage),
  onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
  onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
  onResponseError: (controller, error) => handler.onResponseError?.(controller, error)
})

const reportWrittenTime = (dispatch: Dispatch): Dispatch => (options, handler) => {
  const onWritten = callbackIn(options)
  if (onWritten === undefined) return dispatch(options, handler)
  const { [onWrittenKey]: _taken, ...rest } = options as DispatchOptions & { readonly [onWrittenKey]?: unknown }
  return dispatch(rest, tellingWhenWritten(handler, onWritten))
}

/** Node's HTTP client (undici) with the written-time report; QBO's requests are sent through it. */
export const qboHttpClientLayer = NodeHttpClient.layerUndiciWithoutDispatcher.pipe(
  Layer.provide(Layer.scoped(NodeHttpClient.Dispatcher, Effect.map(NodeHttpClient.makeDispatcher, (dispatcher) => dispatcher.compose(reportWrittenTime))))
)

/**
 * Runs `request` (an HTTP exchange) so that `onWritten` is called when it goes on the wire, if the client is
 * `qboHttpClientLayer`'s. With any other client it is never called, and pacing falls back on the answer's time.
 */
export const tellWhenWritten = <A, E, R>(request: Effect.Effect<A, E, R>, onWritten: () => void): Effect.Effect<A, E, R> =>
  Effect.provideService(request, NodeHttpClient.UndiciRequestOptions, { [onWrittenKey]: onWritten } as unknown as Context.Tag.Service<
    typeof NodeHttpClient.UndiciRequestOptions
  >)
