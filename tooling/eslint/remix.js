/**
 * Remix additions: the browser bundle must never pull in the database. Only `*.server.ts(x)` files
 * (and the server entry) may import `@rapport/db` or `@rapport/api`'s server internals.
 */
export default [
  {
    files: ["app/**/*.ts", "app/**/*.tsx"],
    ignores: ["app/**/*.server.ts", "app/**/*.server.tsx", "app/**/.server/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@rapport/db", "@rapport/db/*"],
              message: "The database is reachable only from *.server.ts modules.",
            },
          ],
        },
      ],
    },
  },
];
