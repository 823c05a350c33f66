/**
 * Importing history through the browser: the UCI file previews 500 new posts, nothing is written
 * before confirming, the posts and the lift chart appear, and a second import changes nothing.
 * A file with bad rows writes only its good rows, and its rejected rows download with reasons.
 */
import { expect, test, type Page } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";

const coreDir = path.dirname(createRequire(import.meta.url).resolve("@rapport/core/package.json"));
const UCI = path.join(coreDir, "data/facebook-metrics/dataset_Facebook.csv");

async function signUpWithProfile(page: Page, name: string) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(`${name.toLowerCase()}-${Date.now()}@shop.example`);
  await page.getByLabel("Password").fill("sardines and sunshine 7");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Workspace name").fill(`${name}'s shop`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Profiles", level: 1 })).toBeVisible();
  await page.getByLabel("Platform").selectOption("facebook");
  await page.getByLabel("Handle").fill(`${name.toLowerCase()}.page`);
  await page.getByLabel("Display name").fill(`${name} page`);
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByRole("button", { name: "Add profile" }).click();
  await expect(page.getByText(`Saved @${name.toLowerCase()}.page.`)).toBeVisible();
  return page.url().replace(/\/profiles.*$/, "");
}

async function uploadAndPreview(page: Page, base: string, file: string) {
  await page.goto(`${base}/import`);
  await page.getByLabel("File type").selectOption("uci-csv");
  await page.getByLabel("File", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("heading", { name: /Preview: nothing written yet/ })).toBeVisible({
    timeout: 30_000,
  });
}

const counts = async (page: Page) => ({
  new: await page.getByTestId("count-new").textContent(),
  updated: await page.getByTestId("count-updated").textContent(),
  rejected: await page.getByTestId("count-rejected").textContent(),
});

test("importing the UCI file shows 500 posts, Status above Photo, and a second import changes nothing", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const base = await signUpWithProfile(page, "Rita");
  await uploadAndPreview(page, base, UCI);
  expect(await counts(page)).toEqual({ new: "500", updated: "0", rejected: "0" });
  // The job survives a reload: the preview is still there.
  await page.reload();
  await expect(page.getByTestId("count-new")).toHaveText("500");
  await page.screenshot({ path: test.info().outputPath("import-preview.png"), fullPage: true });

  await page.goto(`${base}/posts`);
  await expect(page.getByRole("heading", { name: "No posts yet" })).toBeVisible();

  await page.goto(`${base}/import`);
  await page
    .getByRole("link", { name: /dataset_Facebook\.csv/ })
    .first()
    .click();
  await page.getByRole("button", { name: "Import 500 posts" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("count-new")).toHaveText("500");

  await page.getByRole("link", { name: "See your posts" }).click();
  await expect(page.getByTestId("posts-total")).toContainText("500 posts");
  await page.screenshot({ path: test.info().outputPath("posts.png"), fullPage: true });
  // The CSV export: every post, once, with its profile and its rates.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = readFileSync(await (await download).path(), "utf8")
    .trim()
    .split("\r\n");
  expect(csv).toHaveLength(501);
  expect(csv[0]).toMatch(/^profile,external_id,published_at,weekday,hour,source_type,/);
  expect(csv.slice(1).every((line) => line.startsWith("facebook:@"))).toBe(true);
  expect(new Set(csv.slice(1).map((line) => line.split(",")[1])).size).toBe(500);

  await page.goto(`${base}/insights?per=followers`);
  const chart = page.getByTestId("lift-source-type");
  await expect(
    chart.getByRole("heading", { name: "Lift by the file's own post type" }),
  ).toBeVisible();
  const order = await chart.locator("tbody th[scope=row]").allTextContents();
  expect(order.indexOf("Status")).toBeGreaterThanOrEqual(0);
  expect(order.indexOf("Status")).toBeLessThan(order.indexOf("Photo"));
  await expect(chart.locator("tbody tr", { hasText: "Status" }).locator("td").last()).toHaveText(
    "45",
  );
  await expect(page.getByText(/UCI Machine Learning Repository, CC BY 4\.0/)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("insights.png"), fullPage: true });

  await uploadAndPreview(page, base, UCI);
  expect(await counts(page)).toEqual({ new: "0", updated: "0", rejected: "0" });
  await expect(page.getByTestId("count-unchanged")).toHaveText("500");
  await expect(page.getByRole("button", { name: "Nothing to import" })).toBeDisabled();
});

test("a file with bad rows writes nothing until confirmed, then only the good rows; the rejected rows download with reasons", async ({
  page,
}) => {
  const base = await signUpWithProfile(page, "Bela");
  const lines = readFileSync(UCI, "utf8").split(/\r?\n/).slice(0, 6);
  // Row 3: a weekday that does not exist; row 5: a reach that is not a number.
  const bad3 = lines[2]!.split(";");
  bad3[4] = "9";
  lines[2] = bad3.join(";");
  const bad5 = lines[4]!.split(";");
  bad5[7] = "lots";
  lines[4] = bad5.join(";");
  const file = path.join(tmpdir(), `bad-rows-${Date.now()}.csv`);
  writeFileSync(file, lines.join("\n") + "\n");

  await uploadAndPreview(page, base, file);
  expect(await counts(page)).toEqual({ new: "3", updated: "0", rejected: "2" });
  await expect(page.getByRole("cell", { name: "Post Weekday must be 1-7" })).toBeVisible();

  await page.goto(`${base}/posts`);
  await expect(page.getByRole("heading", { name: "No posts yet" })).toBeVisible();

  await page.goto(`${base}/import`);
  await page
    .getByRole("link", { name: path.basename(file) })
    .first()
    .click();
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download all rejected rows/ }).click();
  const download = await downloadPromise;
  const csv = readFileSync((await download.path())!, "utf8");
  expect(csv.trim().split(/\r?\n/)).toEqual([
    "row,reason",
    "3,Post Weekday must be 1-7",
    '5,"Lifetime Post Total Reach ""lots"" is not a number"',
  ]);

  await page.getByRole("button", { name: "Import 3 posts" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 30_000 });
  await page.goto(`${base}/posts`);
  await expect(page.getByTestId("posts-total")).toContainText("3 posts");
});

test("any CSV imports after choosing its columns, and the mapping can be saved for next time", async ({
  page,
}) => {
  const base = await signUpWithProfile(page, "Cora");
  const file = path.join(tmpdir(), `my-sheet-${Date.now()}.csv`);
  writeFileSync(
    file,
    "When,Words,Hearts,Replies\n2026-03-02T18:00:00Z,Meet Ana,40,5\n2026-03-03T09:00:00Z,New in,12,1\nnot a date,Oops,1,0\n",
  );
  await page.goto(`${base}/import`);
  await page.getByLabel("File type").selectOption("mapped-csv");
  await page.getByLabel("File", { exact: true }).setInputFiles(file);
  await page.getByLabel("Published at").selectOption("When");
  await page.getByLabel("Caption").first().selectOption("Words");
  await page.getByLabel("Likes").first().selectOption("Hearts");
  await page.getByLabel("Comments").first().selectOption("Replies");
  await page.getByLabel("Save this mapping as").fill("My sheet");
  await page.getByRole("button", { name: "Save mapping" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.getByRole("button", { name: "Upload and preview" }).click();
  await expect(page.getByRole("heading", { name: /Preview: nothing written yet/ })).toBeVisible({
    timeout: 30_000,
  });
  expect(await counts(page)).toEqual({ new: "2", updated: "0", rejected: "1" });
  await page.getByRole("button", { name: "Import 2 posts" }).click();
  await expect(page.getByRole("heading", { name: "Imported" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Import another file" }).click();
  await page.getByLabel("File type").selectOption("mapped-csv");
  await page.getByLabel("File", { exact: true }).setInputFiles(file);
  await expect(page.getByLabel("Use a saved mapping")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("mapping.png"), fullPage: true });
});
