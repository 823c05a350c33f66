/** Shared by the publishing acceptance tests: processes to start and kill, and waiting on what they do. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Where the PostgreSQL acceptance tests look for a server (the machine's shared one by default). */
export const POSTGRES_URL =
  process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/test";

export async function postgresAnswers(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export interface Proc {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

export function startProcess(args: string[], env: Record<string, string>): Proc {
  const child = spawn(process.execPath, args, {
    cwd: webDir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (c: Buffer) => output.push(c.toString()));
  child.stderr!.on("data", (c: Buffer) => output.push(c.toString()));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, output, exited };
}

/** `pnpm worker`'s program, started directly (no pnpm in between, so signals reach it). */
export function startWorker(env: Record<string, string>): Proc {
  return startProcess(["--import", "tsx", "./scripts/worker.ts"], env);
}

export async function waitFor(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  procs: Proc[] = [],
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `Timed out waiting for ${what}.\n${procs.map((p) => p.output.join("").slice(-3000)).join("\n---\n")}`,
  );
}
