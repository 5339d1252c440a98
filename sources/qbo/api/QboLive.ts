import { NodeHttpClient } from "@effect/platform-node"
import { type ConfigError, Layer } from "effect"
import { QboAuth } from "./QboAuth.ts"
import { QboClient } from "./QboClient.ts"
import { QboConfig } from "./QboConfig.ts"
import type { QboTokenStore } from "./QboTokenStore.ts"

/**
 * QboClient and QboAuth for a real run: settings from the environment (see `QboConfig`), Node's HTTP client.
 * The token store is left to the caller (the SQLite one in production, `QboTokenStore.memory` in tests).
 * Tune with `QboClientSettings` (e.g. a terminal's `onProgress`) by providing it around the program.
 */
export const QboLive: Layer.Layer<QboClient | QboAuth, ConfigError.ConfigError, QboTokenStore> = QboClient.Default.pipe(
  Layer.provideMerge(QboAuth.Default),
  Layer.provide(QboConfig.layer),
  Layer.provide(NodeHttpClient.layerUndici)
)
