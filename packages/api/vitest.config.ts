import { baseTestConfig } from "@rapport/vitest-config";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { ...baseTestConfig, globalSetup: ["@rapport/db/testing/global-setup"] },
});
