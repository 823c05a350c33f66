/**
 * Fresh scores: a draft written before any history is "direction only"; after an import commits,
 * the drafts list shows its 0-100 score without the draft ever being opened again (the server
 * re-scores a profile's open drafts in the background when its history changes).
 */
import { expect, test } from "./support/test";
import { createRequire } from "node:module";
import path from "node:path";
import { signUp } from "./support/users";

const coreDir = path.dirname(createRequire(import.meta.url).resolve("@rapport/core/package.json"));
const UCI = path.join(coreDir, "data/facebook-metrics/dataset_Facebook.csv");

test("after importing posts, the drafts list shows the fresh score without opening the draft", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, "Marta");
  await page.getByLabel("Workspace name").fill("Marta's shop");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Profiles", level: 1 })).toBeVisible();
  await page.getByLabel("Platform").selectOption("facebook");
  await page.getByLabel("Handle").fill("marta.page");
  await page.getByLabel("Display name").fill("Marta page");
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByRole("button", { name: "Add profile" }).click();
  await expect(page.getByText("Saved @marta.page.")).toBeVisible();
  const base = page.url().replace(/\/profiles.*$/, "");

  // A draft written before there is any history: direction only.
  await page.goto(`${base}/drafts`);
  await page.getByRole("button", { name: "New draft" }).click();
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("save-status")).toHaveText("Saved · version 1");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Format").selectOption("text");
  await page
    .getByRole("textbox", { name: "Caption" })
    .fill("Which of our new colours do you like best? Tell us below.");
  await expect(page.getByTestId("save-status")).toHaveText(/Saved · version [23]/);
  await page.goto(`${base}/drafts`);
  const row = page.getByTestId("draft-row");
  await expect(row).toHaveCount(1);
  await expect(row.getByTestId("draft-score")).toHaveText("direction only");

  // Import 500 past posts of the page.
  await page.goto(`${base}/import`);
  await page.getByLabel("File type").selectOption("uci-csv");
  await page.getByLabel("File", { exact: true }).setInputFiles(UCI);
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("heading", { name: /Preview: nothing written yet/ })).toBeVisible({
    timeout: 30_000,
  });
  await page.getByRole("button", { name: "Import 500 posts" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 30_000 });

  // Straight to the list: the draft was not opened or saved since, yet its score is fresh.
  await expect(async () => {
    await page.goto(`${base}/drafts`);
    await expect(page.getByTestId("draft-row").getByTestId("draft-score")).toHaveText(
      /^\d{1,3} \/ 100$/,
      { timeout: 1000 },
    );
  }).toPass({ timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath("drafts-fresh-score.png"), fullPage: true });
});
