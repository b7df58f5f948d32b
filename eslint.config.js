import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import importX from "eslint-plugin-import-x";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist", "node_modules", "test-results", "playwright-report", "e2e/artifacts"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks, "import-x": importX },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Layer boundaries (shared/STYLE.md 2.2): read "A may import B"; everything else is refused.
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./src/core", from: "./src", except: ["./core"], message: "core imports nothing outside core" },
            { target: "./src/charts", from: "./src/state", message: "charts never import state; panels pass data in" },
            { target: "./src/charts", from: "./src/ui", message: "charts never import ui" },
            { target: "./src/ui", from: "./src/worker", message: "ui reaches the worker only through state" },
            { target: "./src/cli", from: "./src/ui", message: "the CLI has no UI" },
            { target: "./src/cli", from: "./src/charts", message: "the CLI has no charts" },
            { target: "./src/state/url", from: "./src/ui", message: "the URL codec is pure" },
            { target: "./src/state/url", from: "./src/worker", message: "the URL codec is pure" },
          ],
        },
      ],
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: ["react", "react-dom", "zustand", "recharts", "*?worker", "node:*"] },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='Math'][property.name='random']", message: "core is deterministic" },
        { selector: "MemberExpression[object.name='Date'][property.name='now']", message: "core is deterministic" },
      ],
    },
  },
  {
    files: ["src/ui/**/*.{ts,tsx}", "src/state/**/*.ts", "src/charts/**/*.{ts,tsx}"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)core(/index)?$",
              allowTypeImports: true,
              message: "import the core module you need: the barrel pulls the whole cost model into the page's first chunk (types are fine)",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/ui/**/*.{ts,tsx}"],
    ignores: ["**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zustand", message: "use state/store" },
            { name: "recharts", message: "use charts/*" },
          ],
          patterns: [
            {
              regex: "(^|/)core(/index)?$",
              allowTypeImports: true,
              message: "import the core module you need: the barrel pulls the whole cost model into the page's first chunk (types are fine)",
            },
          ],
        },
      ],
    },
  },
);
