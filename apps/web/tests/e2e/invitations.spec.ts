/**
 * An invitation opened while signed out survives "Create an account" and "Sign in": the person
 * lands on the invitation, accepts it, and is in the workspace.
 */
import { expect, test } from "./support/test";
import type { Browser, Page } from "@playwright/test";
import { PASSWORD, signUp, uniqueEmail } from "./support/users";

async function inviteLink(page: Page, email: string): Promise<string> {
  await page.getByLabel("Workspace name").fill("Casa Rui");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Profiles", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Members" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.locator("code.invite-link").textContent();
  return new URL(link!.trim()).pathname;
}

async function signedOutPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test("an invitation opened signed out survives creating an account", async ({ page, browser }) => {
  await signUp(page, "Rui");
  const invitee = uniqueEmail("Marta");
  const path = await inviteLink(page, invitee);

  const guest = await signedOutPage(browser);
  await guest.goto(path, { waitUntil: "networkidle" });
  await expect(guest).toHaveURL(/\/sign-in\?redirectTo=/);
  await expect(
    guest.getByText("Sign in, or create an account, to accept your invitation."),
  ).toBeVisible();
  await guest.getByRole("link", { name: "Create an account" }).click();
  await guest.getByLabel("Your name").fill("Marta");
  await guest.getByLabel("Email").fill(invitee);
  await guest.getByLabel("Password").fill(PASSWORD);
  await guest.getByRole("button", { name: "Create account" }).click();

  await expect(guest.getByRole("heading", { name: "Join Casa Rui" })).toBeVisible();
  await guest.getByRole("button", { name: "Accept and open the workspace" }).click();
  await expect(guest.getByRole("heading", { name: "Casa Rui", level: 1 })).toBeVisible();
});

test("an invitation opened signed out survives signing in, even after a detour to the sign-up form", async ({
  page,
  browser,
}) => {
  const guest = await signedOutPage(browser);
  const invitee = await signUp(guest, "Joana");
  await guest.getByRole("button", { name: "Sign out", exact: true }).click();

  await signUp(page, "Rui");
  const path = await inviteLink(page, invitee);

  await guest.goto(path, { waitUntil: "networkidle" });
  await guest.getByRole("link", { name: "Create an account" }).click();
  await guest.getByRole("link", { name: "Sign in" }).click();
  await guest.getByLabel("Email").fill(invitee);
  await guest.getByLabel("Password").fill(PASSWORD);
  await guest.getByRole("button", { name: "Sign in" }).click();
  await expect(guest.getByRole("heading", { name: "Join Casa Rui" })).toBeVisible();
});
