/**
 * The e2e suite's `test`: Playwright's, plus an accessibility scan of every page a test visited.
 * Each spec imports `test` and `expect` from here. After a passing test, every path its page
 * navigated to is opened again in the same browser context (same session) and scanned with axe;
 * any violation fails the test, naming the page, the rule and the elements.
 */
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect } from "@playwright/test";

export { expect };

const SKIP = /\.(csv|ics|json)$|^\/api\/|^\/healthz/;

export const test = base.extend<{ axeScan: void }>({
  axeScan: [
    async ({ page, context, baseURL }, use, testInfo) => {
      const origin = baseURL ? new URL(baseURL).origin : null;
      const visited = new Set<string>();
      page.on("framenavigated", (frame) => {
        if (frame !== page.mainFrame()) return;
        const url = new URL(frame.url());
        if (url.origin === origin && !SKIP.test(url.pathname))
          visited.add(url.pathname + url.search);
      });
      await use();
      if (testInfo.status !== testInfo.expectedStatus || process.env.E2E_AXE === "0") return;

      const scanner = await context.newPage();
      const problems: string[] = [];
      try {
        for (const path of visited) {
          const response = await scanner.goto(path).catch(() => null);
          if (!response || !(response.headers()["content-type"] ?? "").includes("text/html"))
            continue;
          await scanner.waitForLoadState("networkidle");
          const { violations } = await new AxeBuilder({ page: scanner })
            .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
            .analyze();
          for (const v of violations)
            problems.push(
              `${path}: ${v.id} (${v.impact}) ${v.help}: ${v.nodes
                .map((n) => n.target.join(" "))
                .slice(0, 4)
                .join(", ")}`,
            );
        }
      } finally {
        await scanner.close();
      }
      testInfo.annotations.push({ type: "axe", description: `${visited.size} pages scanned` });
      expect(problems, "axe found accessibility problems on pages this test visited").toEqual([]);
    },
    { auto: true },
  ],
});
