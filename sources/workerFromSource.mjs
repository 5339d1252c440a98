// Starts a worker whose entry is a TypeScript source (tests, RECONCILE_FROM_SOURCE=1): a worker does not inherit the
// tsx loader of the thread that starts it, and `--import tsx` in its execArgv is not applied to its entry on Node 20.
// The entry's URL is the worker's first argument. The bundle starts its workers from their own bundled files instead.
import { register } from "tsx/esm/api"

register()
await import(process.argv[2])
