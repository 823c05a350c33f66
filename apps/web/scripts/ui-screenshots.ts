/**
 * The planning screens as a newcomer sees them in the demo, at 1280 and 390 px wide, into docs/ui/:
 * month, week and list views of the calendar, the Instagram grid preview and "This week".
 * Run against a seeded server: `pnpm --filter @rapport/web seed && pnpm --filter @rapport/web start`,
 * then `BASE_URL=http://localhost:3000 pnpm --filter @rapport/web screenshots:ui`.
 */
import { execSync } from "node:child_process";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import sharp from "sharp";
import { DEMO_ACCOUNT } from "./demo-account";

const base = process.env.BASE_URL ?? "http://localhost:3000";
const out = path.resolve(import.meta.dirname, "../../../docs/ui");
const executablePath =
  process.env.CHROMIUM_PATH ??
  execSync("command -v chromium", { encoding: "utf8", shell: "/bin/sh" }).trim();

async function signIn(page: Page): Promise<string> {
  await page.goto(`${base}/sign-in`, { waitUntil: "networkidle" });
  await page.getByLabel("Email").fill(DEMO_ACCOUNT.email);
  await page.getByLabel("Password").fill(DEMO_ACCOUNT.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // One workspace opens directly; several land on the list first.
  await page.waitForURL(/\/(workspaces|w\/[0-9a-f-]{36})$/);
  if (page.url().endsWith("/workspaces")) {
    await page.getByRole("link", { name: new RegExp(DEMO_ACCOUNT.workspace) }).click();
    await page.waitForURL(/\/w\/[0-9a-f-]{36}/);
  }
  return /\/w\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** A full-page shot, stored as a palette PNG so the committed files stay small. */
async function shoot(page: Page, file: string): Promise<void> {
  const png = await page.screenshot({ fullPage: true });
  await sharp(png).png({ palette: true, compressionLevel: 9 }).toFile(path.join(out, file));
}

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  for (const width of [1280, 390]) {
    const context = await browser.newContext({
      viewport: { width, height: width === 1280 ? 900 : 844 },
      deviceScaleFactor: 1,
      reducedMotion: "reduce",
    });
    const page = await context.newPage();
    const ws = await signIn(page);
    const shots: [string, string][] = [
      ["this-week", `/w/${ws}`],
      ["calendar-week", `/w/${ws}/calendar?view=week`],
      // The month the planned fortnight mostly falls in: a week from today.
      [
        "calendar-month",
        `/w/${ws}/calendar?view=month&date=${new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)}`,
      ],
      ["calendar-list", `/w/${ws}/calendar?view=list`],
    ];
    for (const [name, url] of shots) {
      await page.goto(`${base}${url}`, { waitUntil: "networkidle" });
      await shoot(page, `planning-${name}-${width}.png`);
    }
    // The grid preview: the queue page of the demo's Instagram profile.
    await page.goto(`${base}/w/${ws}/queue`, { waitUntil: "networkidle" });
    const options = await page
      .locator('select[name="profile"] option')
      .evaluateAll((els) => els.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? ""]));
    const instagram = options.find(([, text]) => (text ?? "").includes("(instagram)"))?.[0];
    if (!instagram)
      throw new Error(`No Instagram profile in the demo (profiles: ${JSON.stringify(options)}).`);
    await page.goto(`${base}/w/${ws}/queue?profile=${instagram}`, { waitUntil: "networkidle" });
    await shoot(page, `planning-grid-preview-${width}.png`);
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(`Screenshots in ${out}`);
