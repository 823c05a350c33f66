/**
 * Navigation: signing in with a single workspace opens it; a slow page load or form submission shows
 * that something is happening (a bar, an announcement, the form marked busy).
 */
import { expect, test } from "./support/test";
import type { Page } from "@playwright/test";
import { PASSWORD, createWorkspaceWithProfile, signUp } from "./support/users";

/** Holds Remix's data requests (page loads and form posts) for `ms`, like a slow network. */
async function slowData(page: Page, ms: number) {
  await page.route(
    (url) => url.pathname.endsWith(".data") || url.searchParams.has("_data"),
    async (route) => {
      await new Promise((r) => setTimeout(r, ms));
      await route.continue();
    },
  );
}

test("signing in with one workspace opens it", async ({ page }) => {
  const email = await signUp(page, "Noa");
  const ws = await createWorkspaceWithProfile(page, "Noa's deli");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${ws}$`));
  await expect(page.getByRole("heading", { name: "Noa's deli", level: 1 })).toBeVisible();
});

test("a slow page load and a slow form show that they are under way", async ({ page }) => {
  await signUp(page, "Ezra");
  await createWorkspaceWithProfile(page, "Ezra's bar");
  await page.waitForLoadState("networkidle");
  await slowData(page, 1_500);

  const bar = page.getByTestId("pending-bar");
  await page.getByRole("link", { name: "Drafts" }).click();
  await expect(bar).toHaveAttribute("data-visible", "true");
  await expect(page.getByRole("status").filter({ hasText: "Loading…" })).toBeAttached();
  await expect(page.getByRole("heading", { name: "Drafts", level: 1 })).toBeVisible();
  await expect(bar).toHaveAttribute("data-visible", "false");

  await page.getByRole("link", { name: "Profiles" }).click();
  await expect(page.getByRole("heading", { name: "Profiles", level: 1 })).toBeVisible();
  await page.waitForLoadState("networkidle");
  const form = page
    .locator("form")
    .filter({ has: page.getByRole("button", { name: "Add profile" }) });
  await form.getByLabel("Handle").fill("@ezra.two");
  await form.getByLabel("Display name").fill("Ezra two");
  await page.getByRole("button", { name: "Add profile" }).click();
  await expect(form).toHaveAttribute("aria-busy", "true");
  await expect(page.getByRole("status").filter({ hasText: "Saving…" })).toBeAttached();
  await expect(page.getByText("Saved @ezra.two.")).toBeVisible();
  await expect(form).not.toHaveAttribute("aria-busy", "true");
});
