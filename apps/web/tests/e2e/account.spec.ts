/** Your account: changing the password signs out the other browsers; a forgotten one can be reset by email. */
import { expect, test } from "./support/test";
import { PASSWORD, signUp } from "./support/users";

const NEW_PASSWORD = "plum tart on tuesdays";

test("changing the password needs the current one and signs out other browsers", async ({
  page,
  browser,
}) => {
  const email = await signUp(page, "Vera");
  const other = await (await browser.newContext()).newPage();
  await other.goto("/sign-in");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill(PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other.getByRole("heading", { name: "Your workspaces" })).toBeVisible();

  await page.getByRole("link", { name: "Vera" }).click();
  await expect(page.getByRole("heading", { name: "Your account", level: 1 })).toBeVisible();
  await page.getByLabel("Current password").fill("not the right one at all");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("Current password")).toHaveAccessibleDescription(
    /That is not your current password\./,
  );

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(
    page.getByText("Your password is changed. Other browsers were signed out."),
  ).toBeVisible();

  await other.reload();
  await expect(other).toHaveURL(/\/sign-in/);
  await page.goto("/workspaces");
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
});

test("asking for a reset link answers the same whether or not the account exists", async ({
  page,
}) => {
  const email = await signUp(page, "Ugo");
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  const answers: string[] = [];
  for (const address of [email, `nobody-${Date.now()}@bistro.example`]) {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByLabel("Email").fill(address);
    await page.getByRole("button", { name: "Send the reset link" }).click();
    const status = page.getByRole("status").filter({ hasText: "Check your email" });
    await expect(status).toBeVisible();
    answers.push((await status.textContent()) ?? "");
  }
  expect(answers[0]).toBe(answers[1]);
  expect(answers[0]).toContain("It works once, for one hour.");
});
