// Lint: typescript-eslint for all TypeScript, the Office add-in rules for the code that talks to Excel,
// and a wall around src/core so the engine stays pure (no Office, ExcelJS, React, DOM or Node built-ins).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

const nodeBuiltins = ["fs", "path", "os", "child_process", "crypto", "stream", "util", "zlib", "http", "https", "url", "worker_threads"];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "lib/", "coverage/", "test-output/", ".tmp/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/adapters/office/**/*.ts", "src/commands/**/*.ts"],
    plugins: { "office-addins": officeAddins },
    rules: {
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/no-office-initialize": "error",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: "src/core is pure: no Node built-ins." })),
            { name: "exceljs", message: "src/core is pure: ExcelJS belongs in src/adapters/xlsx." },
            { name: "react", message: "src/core is pure: React belongs in src/taskpane." },
            { name: "react-dom", message: "src/core is pure: React belongs in src/taskpane." },
          ],
          patterns: [
            { group: ["node:*"], message: "src/core is pure: no Node built-ins." },
            { group: ["@microsoft/office-js", "office-js", "@fluentui/*"], message: "src/core is pure: no Office or UI code." },
            { group: ["**/adapters/**", "**/taskpane/**", "**/cli/**", "**/commands/**"], message: "src/core depends on nothing above it." },
          ],
        },
      ],
      "no-restricted-globals": ["error", "window", "document", "Office", "Excel", "process", "require", "Buffer"],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs", "**/*.mjs"],
    languageOptions: { globals: { ...globals.node }, sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
