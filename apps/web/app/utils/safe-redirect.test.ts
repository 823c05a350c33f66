import { describe, expect, it } from "vitest";
import { safeRedirectTarget } from "./safe-redirect";

describe("safeRedirectTarget", () => {
  it("keeps same-origin paths with their query and hash", () => {
    expect(safeRedirectTarget("/w/1/drafts?status=draft#top")).toBe("/w/1/drafts?status=draft#top");
  });

  it.each([
    // The probe from issue 14: "/\t/evil.example/phish" is "//evil.example/phish" to a browser.
    decodeURIComponent("%2F%09%2Fevil.example%2Fphish"),
    "/\n/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "/\\evil.example",
    "/\\/evil.example",
    "https://evil.example",
    "javascript:alert(1)",
    " /evil",
    "",
  ])("sends %j to the fallback", (target) => {
    expect(safeRedirectTarget(target)).toBe("/workspaces");
  });
});
