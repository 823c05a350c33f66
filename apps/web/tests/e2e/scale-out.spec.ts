/**
 * Scale-out on PostgreSQL (docs/deploy.md): two web processes (RUN_JOBS=false) and two `pnpm worker`
 * processes on one database, all started at once. A session made on one web process works on the
 * other, and signing out on one ends it on both; due posts are published by both workers, each once.
 * Runs against the production build; skipped, with a notice, when no PostgreSQL server answers.
 */
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { openDatabase, sql, type DatabaseHandle } from "@rapport/db";
import { createUser } from "@rapport/api/testing";
import {
  seedDuePosts,
  startWebhookSink,
  updateSettings,
  type WebhookSink,
} from "@rapport/api/publishing/testing";
import {
  POSTGRES_URL,
  postgresAnswers,
  startProcess,
  startWorker,
  waitFor,
  type Proc,
} from "../integration/harness";

const POSTS = 400;
const PASSWORD = "two processes, one truth";
const available = await postgresAnswers(POSTGRES_URL);

test.describe("two web processes and two workers on one PostgreSQL", () => {
  test.skip(!available, `PostgreSQL does not answer at ${POSTGRES_URL}`);
  test.describe.configure({ timeout: 240_000 });

  let dbName: string;
  let h: DatabaseHandle;
  let sink: WebhookSink;
  const procs: Proc[] = [];

  test.afterAll(async () => {
    for (const p of procs) p.child.kill("SIGTERM");
    await Promise.all(procs.map((p) => p.exited));
    await sink?.close();
    await h?.close();
    if (dbName) {
      const admin = new pg.Client({ connectionString: POSTGRES_URL });
      await admin.connect();
      await admin.query(`drop database if exists ${dbName} with (force)`);
      await admin.end();
    }
  });

  test("share sessions and jobs: signed in on one, known on the other; every due post published once", async ({
    request,
  }) => {
    dbName = `rapport_scale_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${dbName}`;
    const env = {
      DATABASE_URL: url.toString(),
      NODE_ENV: "production",
      RUN_JOBS: "false",
      WEBHOOK_ALLOW_PRIVATE: "true",
      JOB_CONCURRENCY: "8",
      JOB_LEASE_SECONDS: "5",
    };
    // All four start at once on the empty database: their migrations take turns.
    const ports = [3311, 3312];
    for (const port of ports)
      procs.push(startProcess(["./server/index.mjs"], { ...env, PORT: String(port) }));
    procs.push(startWorker(env), startWorker(env));
    const [a, b] = ports.map((p) => `http://127.0.0.1:${p}`) as [string, string];
    for (const base of [a, b]) {
      await waitFor(
        `${base}/healthz`,
        async () => (await fetch(`${base}/healthz`).catch(() => null))?.ok === true,
        90_000,
        procs,
      );
    }

    h = await openDatabase({ url: url.toString() });
    const email = `owner-${randomBytes(3).toString("hex")}@bistro.example`;
    const owner = await createUser(h.db, { email, password: PASSWORD });
    const ws = await owner.caller.workspace.create({ name: "Bistro on two servers" });
    const profile = await owner.caller.socialProfile.create({
      workspaceId: ws.id,
      platform: "facebook",
      handle: "bistro",
      displayName: "Bistro",
      timeZone: "Europe/Paris",
      followerCount: 100,
    });

    // Signed in on A; B knows the session; signing out on B ends it on A too.
    const signIn = await request.post(`${a}/sign-in?index`, {
      form: { email, password: PASSWORD, redirectTo: "/workspaces", website: "" },
      headers: { Origin: a },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBe(302);
    const cookie = /rapport_session=[^;]+/.exec(signIn.headers()["set-cookie"] ?? "")![0];
    const onB = await request.get(`${b}/w/${ws.id}/drafts`, {
      headers: { cookie },
      maxRedirects: 0,
    });
    expect(onB.status()).toBe(200);
    expect(await onB.text()).toContain("Bistro on two servers");
    const signOut = await request.post(`${b}/sign-out`, {
      form: { scope: "here" },
      headers: { cookie, Origin: b },
      maxRedirects: 0,
    });
    expect(signOut.status()).toBe(302);
    const afterOnA = await request.get(`${a}/w/${ws.id}/drafts`, {
      headers: { cookie },
      maxRedirects: 0,
    });
    expect(afterOnA.status()).toBe(302);
    expect(afterOnA.headers()["location"]).toMatch(/^\/sign-in/);

    // Due posts: the two workers share them (both seen holding leases), and each goes out once.
    sink = await startWebhookSink();
    await updateSettings(
      h.db,
      ws.id,
      { profileId: profile.id, method: "webhook", webhookUrl: sink.url },
      { allowPrivate: true, now: new Date() },
    );
    await seedDuePosts(h.db, {
      workspaceId: ws.id,
      profileId: profile.id,
      n: POSTS,
      at: new Date(Date.now() - 1000),
    });
    const holders = new Set<string>();
    await waitFor(
      `${POSTS} posts published`,
      async () => {
        const r = (await h.db.execute(sql`
          select (select count(*)::int from drafts where workspace_id = ${ws.id} and status = 'published') as published,
                 (select array_agg(distinct locked_by) from jobs where workspace_id = ${ws.id} and status = 'running') as holders`)) as unknown as {
          rows: { published: number; holders: string[] | null }[];
        };
        for (const w of r.rows[0]!.holders ?? []) holders.add(w);
        return r.rows[0]!.published >= POSTS;
      },
      180_000,
      procs,
    );
    expect(holders.size).toBe(2);
    const perKey = sink.counts();
    expect(perKey.size).toBe(POSTS);
    expect([...perKey.values()].filter((n) => n > 1)).toEqual([]);
  });
});
