import { NodeHttpClient } from "@effect/platform-node"
import { Config, Effect, Layer, Option } from "effect"
import { PomClient } from "./PomClient.ts"
import { PomConfig } from "./PomConfig.ts"

/** PomClient for a real run: settings from the environment (see `PomConfig`), Node's HTTP client. */
export const PomLive = PomClient.Default.pipe(Layer.provide(Layer.merge(PomConfig.layer, NodeHttpClient.layerUndici)))

/** Whether POM API access is configured at all (`POM_API_URL` set): without it, POM is read from exports. */
export const pomApiConfigured = Config.option(Config.string("POM_API_URL")).pipe(
  Effect.map(Option.isSome),
  Effect.orElseSucceed(() => false)
)
