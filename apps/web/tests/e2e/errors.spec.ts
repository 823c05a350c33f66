/**
 * Validation failures reach the user as a sentence beside the field that caused it: never raw JSON,
 * nothing typed is lost, and a reload does not resend what can't be saved.
 */
import { expect, test } from "./support/test";
import { createWorkspaceWithProfile, newDraft, signUp } from "./support/users";

test("a caption over 63,206 characters says so beside the caption, keeps the text, and is not resent on reload", async ({
  page,
}) => {
  await signUp(page, "Ines");
  await createWorkspaceWithProfile(page, "Ines's bakery");
  await newDraft(page);

  const caption = page.getByRole("textbox", { name: "Caption" });
  const tooLong = "a".repeat(63_207);
  await caption.fill(tooLong);
  await expect(caption).toHaveAccessibleDescription(/Captions can be at most 63,206 characters\./);
  await expect(caption).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("save-status")).toHaveText("Not saved (kept in this browser)");
  await expect(page.locator("body")).not.toContainText('"code"');
  await expect(page.locator("body")).not.toContainText("too_big");

  const updates: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/trpc/draft.update")) updates.push(r.url());
  });
  await page.reload({ waitUntil: "networkidle" });
  await expect(caption).toHaveValue(tooLong);
  await expect(caption).toHaveAccessibleDescription(/Captions can be at most 63,206 characters\./);
  await page.waitForTimeout(1_500); // longer than the autosave's 800 ms debounce
  expect(updates).toEqual([]);

  // Fixing the caption saves it and the sentence goes away.
  await caption.press("End");
  await caption.press("Backspace");
  await expect(page.getByTestId("save-status")).toHaveText("Saved · version 2");
  await expect(caption).not.toHaveAccessibleDescription(
    /Captions can be at most 63,206 characters/,
  );
});
