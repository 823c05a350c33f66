/**
 * A new profile starts on the browser's time zone (said beside the field, one choice to change), and
 * the planned-time field is wide enough to show a 12-hour time with its AM/PM.
 */
import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { createWorkspaceWithProfile, newDraft, signUp } from "./support/users";

test.use({ timezoneId: "America/Sao_Paulo", locale: "en-US" });

test("a new profile defaults to the browser's time zone and says so", async ({ page }) => {
  await signUp(page, "Bia");
  await page.getByLabel("Workspace name").fill("Bia's bakery");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Profiles", level: 1 })).toBeVisible();

  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue("America/Sao_Paulo");
  await expect(zone).toHaveAccessibleDescription(
    /Set to your browser's time zone \(America\/Sao Paulo\)\. Change it/,
  );
  await page.getByLabel("Handle").fill("@bia");
  await page.getByLabel("Display name").fill("Bia");
  await page.getByRole("button", { name: "Add profile" }).click();
  await expect(page.getByText("Saved @bia.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "America/Sao Paulo" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Abidjan/ })).toHaveCount(0);

  // Changing it is one choice in the same field; an existing profile keeps its own zone.
  await page.getByRole("button", { name: "Edit" }).click();
  const editZone = page.getByLabel("Time zone").first();
  await expect(editZone).toHaveValue("America/Sao_Paulo");
  await editZone.selectOption("Europe/Lisbon");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByRole("cell", { name: "Europe/Lisbon" })).toBeVisible();
});

/** The width a datetime-local control needs for "06/01/2026, 07:00 PM": text, paddings, borders and the picker icon. */
async function plannedFits(page: Page): Promise<{ width: number; needed: number }> {
  return page.getByLabel("Planned time").evaluate((el) => {
    const input = el as HTMLInputElement;
    const cs = getComputedStyle(input);
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
    const px = (v: string) => parseFloat(v) || 0;
    const needed =
      ctx.measureText("06/01/2026, 07:00 PM").width +
      px(cs.paddingLeft) +
      px(cs.paddingRight) +
      px(cs.borderLeftWidth) +
      px(cs.borderRightWidth) +
      px(cs.fontSize) * 2; // the calendar icon and its spacing
    return { width: input.getBoundingClientRect().width, needed };
  });
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
]) {
  test(`the planned-time field shows 07:00 PM in full at ${viewport.width} px`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await signUp(page, "Caio");
    await createWorkspaceWithProfile(page, "Caio's bar");
    await newDraft(page);
    await page.getByLabel("Planned time").fill("2026-06-01T19:00");
    const { width, needed } = await plannedFits(page);
    expect(
      width,
      `planned-time field is ${Math.round(width)} px; "06/01/2026, 07:00 PM" needs ${Math.round(needed)} px`,
    ).toBeGreaterThanOrEqual(needed);
  });
}
