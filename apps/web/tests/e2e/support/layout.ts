/** Layout checks for small screens: nothing wider than the viewport, nothing in the header on top of anything else. */
import { expect, type Page } from "@playwright/test";

/** The page does not scroll sideways; on failure, names the widest elements that stick out. */
export async function expectFitsViewport(page: Page, label: string) {
  const result = await page.evaluate(() => {
    const width = window.innerWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth > width) {
      for (const el of document.querySelectorAll("body *")) {
        const r = el.getBoundingClientRect();
        if (r.right > width + 1 && r.width > 0) {
          const cls = typeof el.className === "string" ? el.className.split(" ")[0] : "";
          culprits.push(
            `${el.tagName.toLowerCase()}${cls ? "." + cls : ""} right=${Math.round(r.right)}`,
          );
        }
      }
    }
    return { width, scrollWidth, culprits: culprits.slice(0, 8) };
  });
  expect(
    result.scrollWidth,
    `${label} is ${result.scrollWidth} px wide at ${result.width} px: ${result.culprits.join(", ")}`,
  ).toBeLessThanOrEqual(result.width);
}

/** No two of the header's links, buttons and texts overlap. */
export async function expectHeaderClear(page: Page, label: string) {
  const overlaps = await page.evaluate(() => {
    const header = document.querySelector("header");
    if (!header) return [];
    const items = [...header.querySelectorAll("a, button, strong, span")].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.children.length === 0;
    });
    const found: string[] = [];
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!.getBoundingClientRect();
        const b = items[j]!.getBoundingClientRect();
        if (
          a.left < b.right - 1 &&
          b.left < a.right - 1 &&
          a.top < b.bottom - 1 &&
          b.top < a.bottom - 1
        )
          found.push(
            `"${items[i]!.textContent?.trim()}" overlaps "${items[j]!.textContent?.trim()}"`,
          );
      }
    return found;
  });
  expect(overlaps, `${label}: header items overlap`).toEqual([]);
}
