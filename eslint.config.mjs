import js from "@eslint/js";
import tseslint from "typescript-eslint";

const ADAPTERS = ["cli", "functions", "taskpane"];
const PURE_LIBRARIES = {
  group: ["node:*", "fs", "path", "exceljs", "csv-*", "office-*"],
  message: "the core and the report are pure: no Node, Office, exceljs or CSV library",
};

/** A relative import that reaches into src/<folder> for one of `folders`, from any depth under src. */
function adapterImports(folders, message) {
  return { regex: `^(\\.\\./)+(${folders.join("|")})(/|$)`, message };
}

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "test-output/", ".tmp/", "**/*.js", "!bench/**/*.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The pure modules (the core, and the report built on it) import no Node, Office, exceljs or CSV library, and no adapter.
  {
    files: ["src/core/**/*.ts", "src/report/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            PURE_LIBRARIES,
            adapterImports(ADAPTERS, "the core and the report are pure: they import no adapter (src/cli, src/functions, src/taskpane)"),
          ],
        },
      ],
    },
  },
  // The adapters import the core and the report, never one another.
  ...ADAPTERS.map((adapter) => ({
    files: [`src/${adapter}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            adapterImports(
              ADAPTERS.filter((other) => other !== adapter),
              `src/${adapter} may import src/core and src/report, never another adapter (src/cli, src/functions, src/taskpane)`,
            ),
          ],
        },
      ],
    },
  })),
);
