/**
 * The first-run journey: sign up, create a workspace, add a profile, sign out, sign in again, and
 * find everything where it was.
 */
import { expect, test } from "./support/test";

test("a new user signs up, sets up a workspace and a profile, and finds them after signing in again", async ({
  page,
}) => {
  const email = `ana-${Date.now()}@bistro.example`;
  const password = "sardines and sunshine 7";

  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.getByRole("link", { name: "Create an account" }).click();

  // A password from the common list is refused with a reason, and nothing else typed is lost.
  await page.getByLabel("Your name").fill("Ana");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(
    page.getByText("That password is one of the most used and easy to guess."),
  ).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Welcome, Ana" })).toBeVisible();

  await page.getByLabel("Workspace name").fill("Bistro Ana");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { name: "Profiles", level: 1 })).toBeVisible();

  await page.getByLabel("Platform").selectOption("instagram");
  await page.getByLabel("Handle").fill("@bistro.ana");
  await page.getByLabel("Display name").fill("Bistro Ana");
  await page.getByLabel("Time zone").selectOption("Europe/Lisbon");
  await page.getByLabel("Followers").fill("1840");
  await page.getByRole("button", { name: "Add profile" }).click();
  await expect(page.getByText("Saved @bistro.ana.")).toBeVisible();
  await expect(page.getByRole("cell", { name: /Bistro Ana\s+@bistro\.ana/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "1,840" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/workspaces");
  await expect(page).toHaveURL(/\/sign-in\?redirectTo=%2Fworkspaces$/);

  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("not my password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "That email and password don't match an account.",
  );

  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/workspaces$/);
  await page.getByRole("link", { name: /Bistro Ana/ }).click();
  await expect(page.getByRole("heading", { name: "Bistro Ana", level: 1 })).toBeVisible();
  await expect(page.getByText("1,840")).toBeVisible();
  // The zone shows twice: the week is laid out on the profile's clock, and the profile names its zone.
  await expect(page.getByText("days on Europe/Lisbon time", { exact: false })).toBeVisible();
  await expect(page.getByText(/Europe\/Lisbon/)).toHaveCount(2);
  await page.screenshot({ path: "test-results/dashboard.png", fullPage: true });
});

test("a cross-site form post is refused", async ({ request }) => {
  const response = await request.post("/sign-in", {
    form: { email: "a@example.com", password: "whatever" },
    headers: { Origin: "https://evil.example" },
  });
  expect(response.status()).toBe(403);
});

test("an unknown address shows a 404 page with a way back", async ({ page }) => {
  const response = await page.goto("/no/such/page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to Rapport" })).toBeVisible();
});
