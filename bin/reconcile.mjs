#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout: `npx reconcile ...` works right after `npm ci`.
import { register } from "tsx/esm/api"

register()
await import("../cli/main.ts")
