/**
 * `@rapport/core` is pure: it runs in Node and in the browser (the draft editor scores on every
 * keystroke with it). So it may not import Node built-ins, the database, React, tRPC or any other
 * workspace package, and it may not touch the environment.
 */
import { builtinModules } from "node:module";

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default [
  {
    files: ["src/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: "@rapport/core is pure: no Node built-ins (it runs in the browser too).",
          })),
          patterns: [
            { group: ["node:*"], message: "@rapport/core is pure: no Node built-ins." },
            { group: ["@rapport/*"], message: "@rapport/core depends on no other workspace package." },
            { group: ["react", "react-dom", "react/*", "react-dom/*"], message: "@rapport/core has no UI." },
            { group: ["@trpc/*"], message: "@rapport/core knows nothing of tRPC." },
            {
              group: ["drizzle-orm", "drizzle-orm/*", "pg", "@electric-sql/*", "postgres"],
              message: "@rapport/core does no I/O: no database.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "process", message: "@rapport/core is pure: no process, no env." },
        { name: "fetch", message: "@rapport/core does no I/O." },
        { name: "require", message: "@rapport/core is ESM and pure." },
      ],
    },
  },
];
