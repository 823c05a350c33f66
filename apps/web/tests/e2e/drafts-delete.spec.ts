/** Deleting a draft from the list, with ten seconds to undo; leaving the page carries the deletion out. */
import { expect, test } from "./support/test";
import { createWorkspaceWithProfile, newDraft, signUp } from "./support/users";

test("a stray draft can be deleted from the list, undone, and deleted for good", async ({
  page,
}) => {
  await signUp(page, "Tomas");
  await createWorkspaceWithProfile(page, "Tomas's café");
  await newDraft(page);
  await page.getByRole("link", { name: "← All drafts" }).click();
  const rows = page.getByTestId("draft-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Untitled draft");
  await page.waitForLoadState("networkidle");

  await rows.first().getByRole("button", { name: "Delete" }).click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "Draft deleted" })).toContainText(
    "“Untitled draft” is deleted.",
  );
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(rows).toHaveCount(1);
  await page.reload({ waitUntil: "networkidle" });
  await expect(rows).toHaveCount(1); // undone: nothing reached the server

  await rows.first().getByRole("button", { name: "Delete" }).click();
  await expect(rows).toHaveCount(0);
  await page.waitForTimeout(11_000);
  await page.reload({ waitUntil: "networkidle" });
  await expect(rows).toHaveCount(0);
  await expect(page.getByText("No drafts yet")).toBeVisible();
});

test("leaving the page within the undo window still deletes the draft", async ({ page }) => {
  await signUp(page, "Lia");
  await createWorkspaceWithProfile(page, "Lia's café");
  await newDraft(page);
  await page.getByRole("link", { name: "← All drafts" }).click();
  await page.waitForLoadState("networkidle");
  await page.getByTestId("draft-row").getByRole("button", { name: "Delete" }).click();
  await page.getByRole("link", { name: "Profiles" }).click();
  await expect(page.getByRole("heading", { name: "Profiles", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Drafts" }).click();
  await expect(page.getByRole("heading", { name: "Drafts", level: 1 })).toBeVisible();
  await expect(page.getByTestId("draft-row")).toHaveCount(0);
});
