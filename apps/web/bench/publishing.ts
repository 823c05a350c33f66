/**
 * `pnpm bench` (publishing): 10,000 due posts published by two `pnpm worker` processes to a local
 * webhook sink on PostgreSQL, beside a bare loop POSTing the same number of signed messages to the same
 * sink (no database) in the same run. Writes the "Publishing" section of docs/performance.md.
 * Skipped, with a notice, when PostgreSQL does not answer.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import pg from "pg";
import { openDatabase, sql } from "@rapport/db";
import { createUser } from "@rapport/api/testing";
import { writePerformanceSection } from "@rapport/api/bench";
import {
  deliverWebhook,
  generateWebhookSecret,
  seedDuePosts,
  startWebhookSink,
  updateSettings,
} from "@rapport/api/publishing/testing";
import { POSTGRES_URL, postgresAnswers, startWorker, waitFor } from "../tests/integration/harness";

const N = Number(process.argv.find((a) => a.startsWith("--posts="))?.slice(8) ?? 10_000);
const WORKERS = 2;
const CONCURRENCY = 8;

if (!(await postgresAnswers(POSTGRES_URL))) {
  console.log(
    `[bench] PostgreSQL does not answer at ${POSTGRES_URL}: the publishing benchmark is skipped.`,
  );
  process.exit(0);
}

const dbName = `rapport_bench_pub_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: POSTGRES_URL });
await admin.connect();
await admin.query(`create database ${dbName}`);
const url = new URL(POSTGRES_URL);
url.pathname = `/${dbName}`;
const h = await openDatabase({ url: url.toString() });
const sink = await startWebhookSink();
try {
  // Baseline: the same number of signed POSTs to the same sink, 16 at a time, no database.
  const secret = generateWebhookSecret();
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: WORKERS * CONCURRENCY }, async () => {
      while (next < N) {
        const i = next++;
        const r = await deliverWebhook({
          url: sink.url,
          secrets: [secret],
          msgId: `bare_${i}`,
          body: JSON.stringify({ type: "bench", data: { i } }),
          timestamp: new Date(),
          allowPrivate: true,
        });
        if (!r.ok) throw new Error(`bare POST failed: ${r.error}`);
      }
    }),
  );
  const bareSeconds = (performance.now() - t0) / 1000;

  const owner = await createUser(h.db);
  const ws = await owner.caller.workspace.create({ name: "Bench" });
  const profile = await owner.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "facebook",
    handle: "bench",
    displayName: "Bench",
    timeZone: "UTC",
    followerCount: 1,
  });
  await updateSettings(
    h.db,
    ws.id,
    { profileId: profile.id, method: "webhook", webhookUrl: sink.url },
    { allowPrivate: true, now: new Date() },
  );
  await seedDuePosts(h.db, {
    workspaceId: ws.id,
    profileId: profile.id,
    n: N,
    at: new Date(Date.now() - 1000),
  });
  const env = {
    DATABASE_URL: url.toString(),
    WEBHOOK_ALLOW_PRIVATE: "true",
    JOB_CONCURRENCY: String(CONCURRENCY),
    NODE_ENV: "production",
  };
  const workers = Array.from({ length: WORKERS }, () => startWorker(env));
  await waitFor(
    "the workers to start",
    () => workers.every((w) => w.output.join("").includes("is running jobs")),
    120_000,
    workers,
  );
  const t1 = performance.now();
  const published = async () => {
    const r = await h.db.execute(
      sql`select count(*)::int as n from drafts where workspace_id = ${ws.id} and status = 'published'`,
    );
    return (r as unknown as { rows: { n: number }[] }).rows[0]!.n;
  };
  await waitFor(`${N} posts published`, async () => (await published()) >= N, 1_800_000, workers);
  const workerSeconds = (performance.now() - t1) / 1000;
  for (const w of workers) w.child.kill("SIGTERM");
  await Promise.all(workers.map((w) => w.exited));

  const keys = [...sink.counts()].filter(([k]) => k.startsWith("publish_"));
  const twice = keys.filter(([, n]) => n > 1).length;
  const load = os.loadavg()[0]!.toFixed(1);
  const line = (label: string, s: number) =>
    `| ${label} | ${s.toFixed(1)} s | ${(N / s).toFixed(0)} posts/s |`;
  const section = [
    "## Publishing",
    "",
    `${N.toLocaleString("en")} due posts published by ${WORKERS} \`pnpm worker\` processes (${CONCURRENCY} jobs at once each) to a webhook sink on loopback, PostgreSQL, beside a bare loop POSTing ${N.toLocaleString("en")} signed messages to the same sink ${WORKERS * CONCURRENCY} at a time with no database, measured in the same run (\`pnpm --filter @rapport/web bench:publishing\`; ${os.cpus().length} cores, load average ${load} at the end). Each publish claims its job, moves the post scheduled -> publishing -> published through the lifecycle (two transactions, a history row each), POSTs, and logs the delivery.`,
    "",
    "| run | time | throughput |",
    "|---|---:|---:|",
    line("bare POST loop (baseline)", bareSeconds),
    line(`${WORKERS} workers, ${N.toLocaleString("en")} posts`, workerSeconds),
    "",
    `Ratio: the workers take ${(workerSeconds / bareSeconds).toFixed(1)}x the bare loop's time. Goal: 10,000 in under 60 s with two workers (${N !== 10_000 ? "this run used another count" : workerSeconds < 60 ? "met in this run" : "not met in this run"}). Delivered: ${keys.length.toLocaleString("en")} distinct webhook-ids, ${twice} delivered twice.`,
    "",
  ].join("\n");
  if (!process.argv.includes("--no-write")) writePerformanceSection("Publishing", section);
  console.log(section);
} finally {
  await sink.close();
  await h.close();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
