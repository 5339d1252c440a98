import { defineConfig } from "drizzle-kit"

export default defineConfig({
  dialect: "sqlite",
  schema: "./sinks/store/schema.ts",
  out: "./drizzle"
})
