#!/usr/bin/env node
// Runs the TypeScript CLI straight from the checkout: `npx reconcile ...` works right after `npm ci`.
import { register } from "tsx/esm/api"

// Compiling the sources takes a few seconds before the CLI can say anything: tell a person at a terminal that it
// is starting (cli/main.ts clears the line). Never in a pipe or a log, where it would be noise in the output.
if (process.stderr.isTTY) process.stderr.write("reconcile: starting...")

register()
await import("../cli/main.ts")
