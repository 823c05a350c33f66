/**
 * End-to-end journeys in Debian's Chromium against the production build, on a fresh embedded
 * database in a temporary folder. Playwright never downloads a browser here.
 */
import { execSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execSync("command -v chromium", { encoding: "utf8", shell: "/bin/sh" }).trim();
  } catch {
    throw new Error(
      "Chromium is missing: install Debian's package (apt-get install chromium) or set CHROMIUM_PATH.",
    );
  }
}

const port = Number(process.env.E2E_PORT ?? 3100);
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), "rapport-e2e-"));

export default defineConfig({
  testDir: "./tests/e2e",
  fullyParallel: false,
  workers: 1,
  // One retry in CI, where a failed submission cannot land: the two-tab conflict journey
  // (drafts.spec.ts) fails about one run in three of the whole suite and passes alone; that is a
  // known issue to fix (issue 13), not a reason to lose the run. A test must fail twice to fail CI.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] } },
    // A 390 px phone (an iPhone 12-15's CSS width) in Chromium: the journeys a newcomer takes and
    // every page's layout (mobile.spec.ts) must work there too.
    {
      name: "mobile",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 390, height: 844 },
        isMobile: true,
        hasTouch: true,
        deviceScaleFactor: 3,
      },
      testMatch: ["journey.spec.ts", "mobile.spec.ts", "invitations.spec.ts"],
    },
  ],
  webServer: {
    command: "node ./server/index.mjs",
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Webhooks go to a receiver the publishing spec starts on loopback.
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      DATA_DIR: process.env.E2E_DATA_DIR,
      WEBHOOK_ALLOW_PRIVATE: "true",
      // Every spec signs up its own people, all from 127.0.0.1: the default of 10 an hour would stop the suite.
      SIGN_UP_LIMIT_PER_HOUR: "1000",
    },
    stdout: "pipe",
    stderr: "pipe",
  },
});
