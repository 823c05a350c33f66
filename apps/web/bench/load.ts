/**
 * Load benchmark (`pnpm bench:load`): the production server on a fresh database holding the demo
 * (500 UCI posts) and a larger account (10,000 past posts, 1,000 planned drafts), signed in, with
 * autocannon at 50 connections against each page, each beside two baselines measured in the same run
 * on the same server: a resource route that answers "ok", and a bare page whose loader only checks the
 * session (so the root's session lookup and a Remix render are in both). Runs on PGlite and, when a
 * server answers, on PostgreSQL (a database of its own, dropped afterwards). Writes the
 * "## Load (50 connections)" section of docs/performance.md.
 *
 * Options: --seconds=10 --connections=50 --db=pglite|postgres|both --no-build --no-write
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { writePerformanceSection } from "@rapport/api/bench";
import { DEMO_ACCOUNT } from "../scripts/demo-account";
import { benchEnv, childEnv } from "./bench.env";
import { buildServer, runScript, signIn, startServer, stopServer } from "./server";
import { LARGE_ACCOUNT } from "./large-account";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}`))?.split("=")[1];
const SECONDS = Number(arg("seconds") ?? 10);
const CONNECTIONS = Number(arg("connections") ?? 50);
const DB_MODE = arg("db") ?? "both";
const PG_URL = benchEnv.postgresUrl;

interface Target {
  name: string;
  path: string;
  /** Which baseline a ratio is taken against. */
  kind: "baseline-resource" | "baseline-page" | "page" | "api";
  account: "demo" | "large" | "anonymous";
}

interface Measured {
  target: Target;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function pgAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function measure(base: string, target: Target, cookie: string | null): Promise<Measured> {
  const latencies: number[] = [];
  const headers: Record<string, string> = cookie ? { cookie } : {};
  // One second of warm-up (JIT, caches), not counted.
  await autocannon({ url: base + target.path, connections: CONNECTIONS, duration: 1, headers });
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base + target.path,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers,
        timeout: 10,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) =>
      latencies.push(responseTime),
    );
  });
  latencies.sort((a, b) => a - b);
  return {
    target,
    requests: result.requests.total,
    rps: result.requests.total / SECONDS,
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    p99: Math.round(percentile(latencies, 99)),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

async function runOn(label: "PGlite" | "PostgreSQL"): Promise<Measured[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "rapport-load-"));
  let dbName: string | null = null;
  const env = childEnv({ NODE_ENV: "production", DATA_DIR: dataDir, RAPPORT_BENCH_ROUTES: "1" });
  if (label === "PostgreSQL") {
    dbName = `rapport_load_${process.pid}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${dbName}`);
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${dbName}`;
    env.DATABASE_URL = url.toString();
  }
  let server: ChildProcess | null = null;
  try {
    console.log(`[${label}] seeding the demo and the larger account...`);
    runScript("scripts/seed.ts", env);
    const ids = JSON.parse(
      runScript("bench/seed-large-account.ts", env).trim().split("\n").at(-1)!,
    ) as {
      largeWorkspaceId: string;
      demoWorkspaceId: string;
    };
    const port = 3900 + (label === "PGlite" ? 1 : 2);
    const base = `http://127.0.0.1:${port}`;
    server = await startServer(env, port);
    const cookies = {
      demo: await signIn(base, DEMO_ACCOUNT.email, DEMO_ACCOUNT.password),
      large: await signIn(base, LARGE_ACCOUNT.email, LARGE_ACCOUNT.password),
      anonymous: null,
    };
    const trpcInput = (json: unknown) => encodeURIComponent(JSON.stringify(json));
    const d = ids.demoWorkspaceId;
    const l = ids.largeWorkspaceId;
    const targets: Target[] = [
      {
        name: 'baseline: resource route ("ok")',
        path: "/bench/ok",
        kind: "baseline-resource",
        account: "demo",
      },
      {
        name: "baseline: bare page with session",
        path: "/bench/bare",
        kind: "baseline-page",
        account: "demo",
      },
      { name: "sign-in page (anonymous)", path: "/sign-in", kind: "page", account: "anonymous" },
      { name: "home, demo (500 posts)", path: `/w/${d}`, kind: "page", account: "demo" },
      { name: "home, large account", path: `/w/${l}`, kind: "page", account: "large" },
      {
        name: "drafts, large account (1,000 planned)",
        path: `/w/${l}/drafts`,
        kind: "page",
        account: "large",
      },
      { name: "posts, demo", path: `/w/${d}/posts`, kind: "page", account: "demo" },
      {
        name: "posts, large account (10,000)",
        path: `/w/${l}/posts`,
        kind: "page",
        account: "large",
      },
      { name: "insights, demo", path: `/w/${d}/insights`, kind: "page", account: "demo" },
      { name: "insights, large account", path: `/w/${l}/insights`, kind: "page", account: "large" },
      {
        name: "calendar week, large account",
        path: `/w/${l}/calendar?view=week`,
        kind: "page",
        account: "large",
      },
      {
        name: "calendar month, demo",
        path: `/w/${d}/calendar?view=month`,
        kind: "page",
        account: "demo",
      },
      {
        name: "queue and grid preview, demo",
        path: `/w/${d}/queue`,
        kind: "page",
        account: "demo",
      },
      { name: "notifications, demo", path: `/w/${d}/notifications`, kind: "page", account: "demo" },
      { name: "account page, demo", path: "/account", kind: "page", account: "demo" },
      {
        name: "tRPC draft.list, large account",
        path: `/api/trpc/draft.list?input=${trpcInput({ workspaceId: l })}`,
        kind: "api",
        account: "large",
      },
    ];
    const results: Measured[] = [];
    for (const target of targets) {
      // A page that answers 404 is skipped, not measured as 404s.
      const probe = await fetch(base + target.path, {
        headers: target.account === "anonymous" ? {} : { cookie: cookies[target.account]! },
        redirect: "manual",
      });
      if (probe.status === 404) {
        console.log(`[${label}] ${target.name}: 404, skipped`);
        continue;
      }
      const m = await measure(base, target, cookies[target.account]);
      console.log(
        `[${label}] ${target.name}: ${m.rps.toFixed(1)} req/s, p50 ${m.p50} ms, p95 ${m.p95} ms, p99 ${m.p99} ms, non-2xx ${m.non2xx}, errors ${m.errors}, timeouts ${m.timeouts}`,
      );
      results.push(m);
    }
    return results;
  } finally {
    await stopServer(server);
    rmSync(dataDir, { recursive: true, force: true });
    if (dbName) {
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  }
}

function table(label: string, rows: Measured[]): string {
  const page = rows.find((r) => r.target.kind === "baseline-page");
  const lines = [
    `### ${label}`,
    "",
    "| request | req/s | p50 | p95 | p99 | x bare page req/s | x bare page p95 | errors, timeouts, non-2xx |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const rpsRatio = page ? (r.rps / page.rps).toFixed(2) : "";
    const p95Ratio = page ? (r.p95 / page.p95).toFixed(2) : "";
    lines.push(
      `| ${r.target.name} | ${r.rps.toFixed(1)} | ${r.p50} ms | ${r.p95} ms | ${r.p99} ms | ${rpsRatio} | ${p95Ratio} | ${r.errors}, ${r.timeouts}, ${r.non2xx} |`,
    );
  }
  return lines.join("\n");
}

if (!process.argv.includes("--no-build")) buildServer();
const sections: string[] = [];
if (DB_MODE === "pglite" || DB_MODE === "both")
  sections.push(table("PGlite (embedded, the default)", await runOn("PGlite")));
if (DB_MODE === "postgres" || DB_MODE === "both") {
  if (await pgAnswers(PG_URL))
    sections.push(table("PostgreSQL 15 (local server)", await runOn("PostgreSQL")));
  else console.log(`PostgreSQL does not answer at ${PG_URL}: its run is skipped.`);
}

const doc = `## Load (${CONNECTIONS} connections)

\`pnpm bench:load\` (apps/web/bench/load.ts): the production server on a fresh database with the demo (500 posts)
and a larger account (10,000 past posts, 1,000 planned drafts), ${CONNECTIONS} autocannon connections for ${SECONDS} s per
request after a 1 s warm-up, all on one machine (the load generator shares the cores with the server).
Ratios are against the bare page measured in the same run (its loader only checks the session).
Goals: every page at least 0.5x the bare page's req/s with p95 within 2.5x its p95, and no errors or timeouts.
${cpus().length} cores, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}; load average
${loadavg()
  .map((v) => v.toFixed(1))
  .join(" / ")} (1 / 5 / 15 min) when the run ended.

${sections.join("\n\n")}
`;
console.log("\n" + doc);
if (!process.argv.includes("--no-write"))
  writePerformanceSection(`Load (${CONNECTIONS} connections)`, doc);
