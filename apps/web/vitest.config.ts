import { baseTestConfig } from "@rapport/vitest-config";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    ...baseTestConfig,
    include: ["app/**/*.test.ts", "server/**/*.test.ts", "server/**/*.test.mjs", "tests/integration/**/*.test.ts"],
    globalSetup: ["@rapport/db/testing/global-setup"],
  },
});
