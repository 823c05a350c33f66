/** Shared vitest defaults: node environment, tests beside the code, generous timeouts for PGlite. */
export const baseTestConfig = {
  include: ["src/**/*.test.ts", "src/**/*.test.tsx", "tests/**/*.test.ts"],
  exclude: ["**/node_modules/**", "**/build/**", "**/dist/**", "tests/e2e/**"],
  environment: "node",
  testTimeout: 30_000,
  hookTimeout: 60_000,
};
