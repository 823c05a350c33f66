/** Signing up and setting up a workspace through the UI, for the specs about what a new user meets. */
import { expect, type Page } from "@playwright/test";

export const PASSWORD = "sardines and sunshine 7";

export const uniqueEmail = (who: string) =>
  `${who.toLowerCase()}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@bistro.example`;

/** Creates an account through the sign-up form and returns its email; the page ends signed in. */
export async function signUp(page: Page, who: string, email = uniqueEmail(who)): Promise<string> {
  await page.goto("/sign-up", { waitUntil: "networkidle" });
  await page.getByLabel("Your name").fill(who);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: `Welcome, ${who}` })).toBeVisible();
  return email;
}

/** Creates a workspace with one Instagram profile (Lisbon clock); returns the workspace id. */
export async function createWorkspaceWithProfile(page: Page, name: string): Promise<string> {
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Profiles", level: 1 })).toBeVisible();
  await page.getByLabel("Platform").selectOption("instagram");
  await page.getByLabel("Handle").fill("@bistro.ana");
  await page.getByLabel("Display name").fill("Bistro Ana");
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByLabel("Followers").fill("1840");
  await page.getByRole("button", { name: "Add profile" }).click();
  await expect(page.getByText("Saved @bistro.ana.")).toBeVisible();
  return /\/w\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/** Opens a new draft from the drafts list and waits until the editor is live. */
export async function newDraft(page: Page): Promise<string> {
  await page.getByRole("link", { name: "Drafts" }).click();
  await page.getByRole("button", { name: "New draft" }).click();
  await expect(page).toHaveURL(/\/drafts\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("save-status")).toHaveText("Saved · version 1");
  // The editor's state lives in React: interact only once the page is hydrated.
  await page.waitForLoadState("networkidle");
  return page.url();
}
