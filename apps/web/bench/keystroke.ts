/**
 * Keystroke benchmark (`pnpm --filter @rapport/web bench:keystroke`, part of `pnpm bench`): in Debian's
 * Chromium against the production build, the time from a key's keydown to the next frame after the
 * editor re-rendered with the new score, for a 2,040-character caption, beside the baseline of typing
 * in Notes (which re-renders the editor but does not re-score), interleaved in the same run. Measured
 * unthrottled and with the CPU throttled 4x (DevTools' Emulation.setCPUThrottlingRate, a cheap phone),
 * on a profile with 500 past posts (the demo) and on a new one. Nothing in the app is instrumented:
 * the page listens for keydown and input itself and asks for the next animation frame.
 * Writes the "## Draft editor" section of docs/performance.md.
 *
 * Options: --keys=50 --no-build --no-write
 */
import { execSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { writePerformanceSection } from "@rapport/api/bench";
import { DEMO_ACCOUNT } from "../scripts/demo-account";
import { childEnv } from "./bench.env";
import { LARGE_ACCOUNT } from "./large-account";
import { buildServer, runScript, startServer, stopServer } from "./server";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`))?.split("=")[1];
const KEYS = Number(arg("keys") ?? 50);
const PORT = 3931;
const base = `http://127.0.0.1:${PORT}`;

interface Run {
  profile: string;
  throttle: number;
  caption: number[];
  notes: number[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2;
};
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.9 * (xs.length - 1))]!;

async function openNewDraft(page: Page, email: string, password: string, workspaceId: string) {
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/sign-in"));
  await page.goto(`${base}/w/${workspaceId}/drafts`);
  await page.getByRole("button", { name: "New draft" }).click();
  await page.waitForURL(/\/drafts\/[0-9a-f-]{36}$/);
  await page.getByTestId("save-status").filter({ hasText: "Saved" }).waitFor();
}

/** Types `keys` keys alternately in Notes and Caption; the keydown-to-next-frame time of each. */
async function measure(page: Page, keys: number): Promise<{ caption: number[]; notes: number[] }> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: { field: string; ms: number }[] };
    w.__frames = [];
    let down = 0;
    document.addEventListener("keydown", (e) => (down = e.timeStamp), { capture: true });
    // React re-renders the controlled field (and, for the caption, the score) while the input event is
    // dispatched; the next animation frame is the first that can show it.
    document.addEventListener(
      "input",
      (e) => {
        const field = (e.target as HTMLTextAreaElement).name;
        const from = down;
        requestAnimationFrame(() => w.__frames.push({ field, ms: performance.now() - from }));
      },
      { capture: true },
    );
  });
  const focusEnd = (name: string) =>
    page.evaluate((name) => {
      const el = document.querySelector(`textarea[name="${name}"]`) as HTMLTextAreaElement;
      el.focus();
      el.setSelectionRange(el.value.length, el.value.length);
    }, name);
  const framesSoFar = () =>
    page.evaluate(() => (window as unknown as { __frames: unknown[] }).__frames.length);
  for (let i = 0; i < keys; i++) {
    const key = i % 5 === 4 ? "Space" : "KeyA";
    for (const field of ["notes", "caption"]) {
      await focusEnd(field);
      const before = await framesSoFar();
      await page.keyboard.press(key);
      await page.waitForFunction(
        (n) => (window as unknown as { __frames: unknown[] }).__frames.length > n,
        before,
      );
    }
  }
  const frames = await page.evaluate(
    () => (window as unknown as { __frames: { field: string; ms: number }[] }).__frames,
  );
  return {
    caption: frames.filter((f) => f.field === "caption").map((f) => f.ms),
    notes: frames.filter((f) => f.field === "notes").map((f) => f.ms),
  };
}

if (!process.argv.includes("--no-build")) buildServer();
const dataDir = mkdtempSync(path.join(tmpdir(), "rapport-keys-"));
const env = childEnv({ NODE_ENV: "production", DATA_DIR: dataDir });
console.log("Seeding the demo (500 past posts) and a new account (none)...");
runScript("scripts/seed.ts", env);
const ids = JSON.parse(
  runScript("bench/seed-large-account.ts", {
    ...env,
    BENCH_PAST_POSTS: "0",
    BENCH_PLANNED_DRAFTS: "0",
  })
    .trim()
    .split("\n")
    .at(-1)!,
) as {
  largeWorkspaceId: string;
  demoWorkspaceId: string;
};
const server = await startServer(env, PORT);
const executablePath = execSync("command -v chromium", {
  encoding: "utf8",
  shell: "/bin/sh",
}).trim();
const browser = await chromium.launch({
  executablePath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
const runs: Run[] = [];
let userAgent = "";
try {
  const cases = [
    {
      profile: "500 past posts (the demo)",
      email: DEMO_ACCOUNT.email,
      password: DEMO_ACCOUNT.password,
      workspaceId: ids.demoWorkspaceId,
    },
    {
      profile: "a new profile (no posts)",
      email: LARGE_ACCOUNT.email,
      password: LARGE_ACCOUNT.password,
      workspaceId: ids.largeWorkspaceId,
    },
  ];
  for (const c of cases) {
    for (const throttle of [1, 4]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      userAgent = await page.evaluate(() => navigator.userAgent);
      await openNewDraft(page, c.email, c.password, c.workspaceId);
      const base =
        "Our team at 6am, behind the scenes before the doors open. What do you think of the new pastries? ";
      await page
        .getByRole("textbox", { name: "Caption" })
        .fill(base.repeat(Math.ceil(2000 / base.length)).slice(0, 1990));
      await page.getByTestId("save-status").filter({ hasText: "version 2" }).waitFor();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
      const m = await measure(page, KEYS);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      const length = await page.getByRole("textbox", { name: "Caption" }).inputValue();
      if (length.length !== 1990 + KEYS)
        throw new Error(
          `The caption has ${length.length} characters, not ${1990 + KEYS}: keys were lost.`,
        );
      runs.push({ profile: c.profile, throttle, ...m });
      console.log(
        `${c.profile}, CPU x${throttle}: caption median ${median(m.caption).toFixed(1)} ms, p90 ${p90(m.caption).toFixed(1)} ms; notes median ${median(m.notes).toFixed(1)} ms`,
      );
      await context.close();
    }
  }
} finally {
  await browser.close();
  await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
}

const ok = (b: boolean) => (b ? "met" : "**not met**");
const rows = runs.map(
  (r) =>
    `| ${r.profile} | ${r.throttle === 1 ? "none" : `${r.throttle}x`} | ${median(r.caption).toFixed(1)} ms | ${p90(r.caption).toFixed(1)} ms | ${median(r.notes).toFixed(1)} ms | ${p90(r.notes).toFixed(1)} ms | ${(median(r.caption) / median(r.notes)).toFixed(2)}x |`,
);
const throttled = runs.filter((r) => r.throttle === 4);
const goal = throttled.every((r) => median(r.caption) <= 16.7 && p90(r.caption) <= 25);
const doc = `## Draft editor

\`pnpm --filter @rapport/web bench:keystroke\` (apps/web/bench/keystroke.ts), in Debian's Chromium (headless)
against the production build: ${KEYS} keys typed at the end of a 2,040-character caption, each from its keydown to
the next animation frame after the editor re-rendered with the new score, interleaved with ${KEYS} keys typed in
Notes (the same editor re-renders, nothing is re-scored: the baseline). Throttled runs slow the page's CPU 4x
through DevTools (\`Emulation.setCPUThrottlingRate\`), as a cheap phone would. The app carries no probes: the
page listens for keydown and input and asks for the next frame.
${cpus().length} x ${cpus()[0]?.model ?? "unknown CPU"}, load average ${loadavg()
  .map((v) => v.toFixed(1))
  .join(" / ")} when the run ended; ${userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? userAgent}.

| profile | CPU throttle | caption: median | p90 | notes (baseline): median | p90 | caption / notes |
|---|---|---:|---:|---:|---:|---:|
${rows.join("\n")}

Goal with the CPU throttled 4x, a frame showing the new score within 16.7 ms at the median and 25 ms at p90: ${ok(goal)}.
`;
console.log("\n" + doc);
if (!process.argv.includes("--no-write")) writePerformanceSection("Draft editor", doc);
