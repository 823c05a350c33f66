/**
 * Every page at 390 px (the mobile project runs this; the desktop one too, where it must hold as
 * well): no sideways scrolling, and a header whose links never sit on top of each other.
 */
import { expect, test } from "./support/test";
import { createRequire } from "node:module";
import path from "node:path";
import { expectFitsViewport, expectHeaderClear } from "./support/layout";
import { createWorkspaceWithProfile, newDraft, signUp } from "./support/users";

const coreDir = path.dirname(createRequire(import.meta.url).resolve("@rapport/core/package.json"));
const UCI = path.join(coreDir, "data/facebook-metrics/dataset_Facebook.csv");

test("every page fits the screen and its header", async ({ page }) => {
  test.setTimeout(180_000);
  for (const p of ["/sign-in", "/sign-up"]) {
    await page.goto(p);
    await expectFitsViewport(page, p);
  }
  await signUp(page, "Mia");
  await expectFitsViewport(page, "/workspaces");
  await expectHeaderClear(page, "/workspaces");
  const ws = await createWorkspaceWithProfile(page, "Mia's kitchen");

  // Some history, so insights and posts draw their charts and tables.
  await page.goto(`/w/${ws}/import`);
  await page.getByLabel("File type").selectOption("uci-csv");
  await page.getByLabel("File", { exact: true }).setInputFiles(UCI);
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.getByRole("button", { name: "Import 500 posts" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 60_000 });
  const draft = await newDraft(page);

  const pages = [
    "",
    "/drafts",
    "/posts",
    "/insights",
    "/import",
    "/profiles",
    "/members",
    "/settings",
    "/calendar",
    "/queue",
    "/notifications",
  ];
  for (const p of pages) {
    const url = `/w/${ws}${p}`;
    const response = await page.goto(url);
    if (response?.status() === 404) continue; // a page this build does not have yet
    await page.waitForLoadState("networkidle");
    await expectFitsViewport(page, url || "/w/:id");
    await expectHeaderClear(page, url);
  }
  await page.goto(draft);
  await page.waitForLoadState("networkidle");
  await expectFitsViewport(page, "draft editor");
  await expectHeaderClear(page, "draft editor");
});
