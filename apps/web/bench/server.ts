/** What the browser and load benchmarks share: the production build, seeding, the server, signing in. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const repoDir = path.resolve(webDir, "../..");

export function buildServer(): void {
  console.log("Building the production server...");
  execFileSync(
    "pnpm",
    ["exec", "turbo", "run", "build", "--filter=@rapport/web", "--output-logs=errors-only"],
    { cwd: repoDir, stdio: "inherit" },
  );
}

/** Runs a TypeScript script of apps/web (a seed) to completion; returns what it printed. */
export function runScript(script: string, env: NodeJS.ProcessEnv): string {
  return execFileSync("pnpm", ["exec", "tsx", script], {
    cwd: webDir,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
}

/** Starts the production server and resolves once /healthz answers. */
export async function startServer(env: NodeJS.ProcessEnv, port: number): Promise<ChildProcess> {
  const child = spawn("node", ["./server/index.mjs"], {
    cwd: webDir,
    env: { ...env, PORT: String(port) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGKILL");
  throw new Error("The server did not answer /healthz within 60 s.");
}

export async function stopServer(child: ChildProcess | null): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  if (child.exitCode === null) child.kill("SIGKILL");
}

/** Signs in through the form, as a browser would; returns the session cookie ("name=value"). */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const body = new URLSearchParams({ email, password, redirectTo: "/workspaces", website: "" });
  const res = await fetch(`${base}/sign-in?index`, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { Origin: base, "Content-Type": "application/x-www-form-urlencoded" },
  });
  const cookie = res.headers.get("set-cookie");
  if (res.status !== 302 || !cookie) throw new Error(`Sign-in as ${email} answered ${res.status}.`);
  return cookie.split(";")[0]!;
}
