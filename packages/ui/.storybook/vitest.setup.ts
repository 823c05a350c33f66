// Runs in the browser before every story test: freezes motion and compares each rendered story
// with its committed baseline screenshot (update on purpose with `pnpm test:visual:update`).
import { afterEach, beforeAll, expect } from "vitest";
import { page } from "vitest/browser";

beforeAll(() => {
  const style = document.createElement("style");
  style.textContent = `*, *::before, *::after {
    animation-duration: 0s !important; animation-delay: 0s !important;
    transition-duration: 0s !important; transition-delay: 0s !important;
    caret-color: transparent !important;
  }`;
  document.head.appendChild(style);
});

afterEach(async (context) => {
  const storyId = (context.task.meta as { storyId?: string }).storyId;
  if (!storyId || context.task.result?.state === "fail") return;
  if (document.fonts) await document.fonts.ready;
  // Stories whose content is portalled (dialogs, menus, toasts) set `parameters.visual.fullPage`.
  const story = (context as unknown as { story?: { parameters?: { visual?: { fullPage?: boolean } } } }).story;
  const canvas = document.querySelector(".rp-story-canvas");
  const empty = !canvas || canvas.getBoundingClientRect().height < 1;
  const target = story?.parameters?.visual?.fullPage || empty ? document.body : canvas;
  if (import.meta.env["VITE_SKIP_VISUAL"]) return;
  await expect.element(page.elementLocator(target)).toMatchScreenshot(storyId);
});
