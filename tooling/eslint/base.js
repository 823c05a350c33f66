/**
 * Base ESLint flat config for every package: typescript-eslint's recommended rules, plus the one
 * rule every package shares: `process.env` is read only in env modules (`env.ts`, `*.env.ts`,
 * `env.server.ts`), so configuration enters each program in exactly one validated place.
 */
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export const ignores = {
  ignores: [
    "**/node_modules/**",
    "**/build/**",
    "**/dist/**",
    "**/storybook-static/**",
    "**/.data/**",
    "**/migrations/**",
    "**/*.config.*",
    "**/.storybook/**",
  ],
};

/** Forbid `process.env` outside env modules. */
export const restrictEnvAccess = {
  files: ["**/*.ts", "**/*.tsx", "**/*.js", "**/*.mjs"],
  ignores: ["**/env.ts", "**/env.mjs", "**/env.server.ts", "**/*.env.ts", "**/scripts/**", "**/tests/**", "**/*.test.ts"],
  rules: {
    "no-restricted-properties": [
      "error",
      {
        object: "process",
        property: "env",
        message: "Read configuration in the package's env module and pass it as a parameter.",
      },
    ],
  },
};

export default tseslint.config(
  ignores,
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.es2022 },
      parserOptions: { ecmaVersion: "latest", sourceType: "module" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "warn",
        { prefer: "type-imports", fixStyle: "separate-type-imports" },
      ],
      "no-console": "off",
      eqeqeq: ["error", "smart"],
    },
  },
  restrictEnvAccess,
);
