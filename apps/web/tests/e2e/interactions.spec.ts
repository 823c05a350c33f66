/**
 * Every interaction kind a source gives shows wherever interactions are broken down: saves in the
 * posts table and in the interaction mix, and a count the file did not give shows as missing.
 */
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "./support/test";
import { createWorkspaceWithProfile, signUp } from "./support/users";

test("saves appear in the posts table and the interaction mix (missing shown as missing); the cadence card is consistent", async ({
  page,
}) => {
  await signUp(page, "Saul");
  const ws = await createWorkspaceWithProfile(page, "Saul's shop");
  const file = path.join(tmpdir(), `meta-${Date.now()}.csv`);
  writeFileSync(
    file,
    "Post ID,Publish time,Description,Likes,Comments,Shares,Saves,Reach\n" +
      "17900000001,11/14/2023 22:13,Fresh croissants,40,5,2,12,900\n" +
      "17900000002,11/15/2023 10:00,Sourdough,10,1,0,,300\n",
  );
  await page.goto(`/w/${ws}/import`);
  await page.getByLabel("File type").selectOption("meta-csv");
  await page.getByLabel("File", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await page.getByRole("button", { name: "Import 2 posts" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 30_000 });

  await page.goto(`/w/${ws}/posts`);
  const table = page.getByRole("table", { name: "Past posts with their metrics" });
  await expect(table.getByRole("columnheader", { name: "Saves" })).toBeVisible();
  const croissants = table.getByRole("row", { name: /Fresh croissants/ });
  const sourdough = table.getByRole("row", { name: /Sourdough/ });
  const savesIndex = (await table.getByRole("columnheader").allTextContents()).indexOf("Saves");
  await expect(croissants.getByRole("cell").nth(savesIndex)).toHaveText("12");
  await expect(sourdough.getByRole("cell").nth(savesIndex)).toHaveText("missing");

  await page.goto(`/w/${ws}/insights`);
  const mix = page.getByRole("table", { name: "Interaction mix: table" });
  await expect(mix.getByRole("rowheader", { name: "Keeping (saves)" })).toBeVisible();
  await expect(mix.getByRole("row", { name: /Keeping \(saves\)/ })).toContainText("1"); // n: one post had saves

  // Cadence: both posts fall in one week; the card counts toward one threshold and says what it needs.
  await expect(
    page.getByRole("heading", { name: "Not enough weeks yet to judge cadence" }),
  ).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Weeks so far" })).toHaveAttribute(
    "aria-valuetext",
    "1 of 4 weeks",
  );
  await expect(
    page.getByText(
      /A week counts when at least one post in it has its full date and a reach or follower count/,
    ),
  ).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/of 2 weeks|\(1 of 4\)/);
});
