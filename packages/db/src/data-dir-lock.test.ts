/**
 * Issue 14, finding 1: a second process on the same embedded database folder is refused with a
 * sentence naming the holder, and a holder killed without warning loses no committed data and leaves
 * no lock that keeps the next start out. Real processes, spawned.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const tsx = createRequire(import.meta.url).resolve("tsx");
const script = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  "testing/hold-database.ts",
);
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill("SIGKILL")));

function run(args: string[]) {
  const child = spawn(process.execPath, ["--import", tsx, script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, stdout, stderr })),
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => stdout.includes("ready") && resolve());
    void exited.then((r) => reject(new Error(`exited ${r.code}: ${r.stderr}`)));
  });
  // Only the holder is awaited for "ready"; a reader's exit must not count as an unhandled rejection.
  ready.catch(() => undefined);
  return { child, exited, ready };
}

describe("one process per embedded database folder", () => {
  it(
    "refuses a second process, and a holder killed with SIGKILL loses nothing and blocks nothing",
    { timeout: 180_000 },
    async () => {
      const dataDir = path.join(mkdtempSync(path.join(tmpdir(), "rapport-lock-")), "db");
      const first = run(["hold", dataDir, "Committed before the crash"]);
      await first.ready;
      expect(JSON.parse(readFileSync(`${dataDir}.lock`, "utf8"))).toMatchObject({
        pid: first.child.pid,
      });

      const second = await run(["read", dataDir]).exited;
      expect(second.code).toBe(3);
      expect(second.stderr).toContain(
        `Another Rapport process (pid ${first.child.pid}) is using the embedded database in ${dataDir}.`,
      );

      first.child.kill("SIGKILL");
      await first.exited;
      expect(existsSync(`${dataDir}.lock`)).toBe(true);

      const third = await run(["read", dataDir]).exited;
      expect(third.stderr).toBe("");
      expect(third.code).toBe(0);
      expect(JSON.parse(third.stdout)).toEqual(["Committed before the crash"]);
      // A clean close removes the lock.
      expect(existsSync(`${dataDir}.lock`)).toBe(false);
    },
  );
});
