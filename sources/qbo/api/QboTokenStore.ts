import { Context, Effect, Layer, Option, Ref } from "effect"
import type { QboTokenSet } from "./QboTokenSet.ts"

/**
 * Where the QBO token set lives between runs. `save` must be durable when it returns: Intuit rotates refresh
 * tokens, and a refresh token that was used but not saved is lost once its 24-hour grace runs out.
 * Storage failures are defects: no caller can do anything useful about them mid-run.
 */
export class QboTokenStore extends Context.Tag("reconcile/QboTokenStore")<
  QboTokenStore,
  {
    readonly load: Effect.Effect<Option.Option<QboTokenSet>>
    readonly save: (tokens: QboTokenSet) => Effect.Effect<void>
  }
>() {
  /** Keeps the token set in memory only, for tests and one-off runs. */
  static readonly memory = (initial?: QboTokenSet): Layer.Layer<QboTokenStore> =>
    Layer.effect(
      QboTokenStore,
      Effect.map(Ref.make(Option.fromNullable(initial)), (ref) => ({
        load: Ref.get(ref),
        save: (tokens: QboTokenSet) => Ref.set(ref, Option.some(tokens))
      }))
    )
}
