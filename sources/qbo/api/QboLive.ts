import { Layer } from "effect"
import type { SettingsError } from "../../SettingsError.ts"
import { QboAuth } from "./QboAuth.ts"
import { QboClient } from "./QboClient.ts"
import { QboConfig } from "./QboConfig.ts"
import type { QboTokenStore } from "./QboTokenStore.ts"
import { qboHttpClientLayer } from "./QboWireTime.ts"

/**
 * QboClient and QboAuth for a real run: settings from the environment (see `QboConfig`), Node's HTTP client telling
 * the pacing when each request goes out (`QboWireTime`).
 * The token store is left to the caller (the SQLite one in production, `QboTokenStore.memory` in tests).
 * Tune with `QboClientSettings` (e.g. a terminal's `onProgress`) by providing it around the program.
 */
export const QboLive: Layer.Layer<QboClient | QboAuth, SettingsError, QboTokenStore> = QboClient.Default.pipe(
  Layer.provideMerge(QboAuth.Default),
  Layer.provide(QboConfig.layer),
  Layer.provide(qboHttpClientLayer)
)
