import tseslint from "typescript-eslint"

export default tseslint.config(
  { ignores: ["node_modules/**", "drizzle/**", "coverage/**", "dist/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "error"
    }
  },
  {
    files: ["test/**", "bin/**"],
    rules: { "no-console": "off" }
  }
)
