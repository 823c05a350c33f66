/** For tests and benchmarks: scheduled drafts made the way the app makes them, and a webhook sink. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { drafts, eq, sql, type Database } from "@rapport/db";
import { transitionDraft } from "../draft-lifecycle";
import { PUBLISH_QUEUE } from "./hooks";
export { updateSettings } from "./settings";
export { deliverWebhook, generateWebhookSecret } from "./webhook";

/** A draft with a caption, planned at `plannedAt`, moved to scheduled by `userId` (the job is enqueued by the hook). */
export async function scheduleDraft(
  db: Database,
  o: {
    workspaceId: string;
    profileId: string;
    userId: string;
    plannedAt: Date;
    caption?: string;
    now: Date;
  },
) {
  return db.transaction(async (tx) => {
    const [d] = await tx
      .insert(drafts)
      .values({
        workspaceId: o.workspaceId,
        profileId: o.profileId,
        caption: o.caption ?? "Sardines tonight, on the terrace.",
        plannedAt: o.plannedAt,
        plannedLocal: o.plannedAt.toISOString().slice(0, 16),
        createdBy: o.userId,
      })
      .returning();
    const { draft } = await transitionDraft(tx, {
      workspaceId: o.workspaceId,
      draftId: d!.id,
      to: "scheduled",
      actorUserId: o.userId,
      now: o.now,
    });
    return draft;
  });
}

export async function draftStatus(db: Database, draftId: string): Promise<string | undefined> {
  const [d] = await db.select({ status: drafts.status }).from(drafts).where(eq(drafts.id, draftId));
  return d?.status;
}

export interface SinkDelivery {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

export interface WebhookSink {
  url: string;
  deliveries: SinkDelivery[];
  /** Deliveries per webhook-id. */
  counts(): Map<string, number>;
  /** The next `n` requests answer this status. */
  failNext(n: number, status: number): void;
  close(): Promise<void>;
}

/** A receiver on loopback that records every delivery (and can answer errors on demand). */
export async function startWebhookSink(): Promise<WebhookSink> {
  const deliveries: SinkDelivery[] = [];
  let failures = 0;
  let failStatus = 500;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (failures > 0) {
        failures -= 1;
        res.writeHead(failStatus).end("not now");
        return;
      }
      deliveries.push({
        id: String(req.headers["webhook-id"]),
        timestamp: String(req.headers["webhook-timestamp"]),
        signature: String(req.headers["webhook-signature"]),
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    deliveries,
    counts() {
      const m = new Map<string, number>();
      for (const d of deliveries) m.set(d.id, (m.get(d.id) ?? 0) + 1);
      return m;
    },
    failNext(n, status) {
      failures = n;
      failStatus = status;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * `n` posts already scheduled and due at `at`, with their publish jobs: the state the publishing hook
 * leaves after scheduling, written in two statements so that tests and benchmarks can start from
 * thousands of due posts in a second.
 */
export async function seedDuePosts(
  db: Database,
  o: { workspaceId: string; profileId: string; n: number; at: Date },
): Promise<void> {
  await db.execute(sql`
    with d as (
      insert into drafts (workspace_id, profile_id, caption, planned_at, planned_local, status)
      select ${o.workspaceId}::uuid, ${o.profileId}::uuid, 'Post number ' || g, ${o.at.toISOString()}::timestamptz, ${o.at.toISOString().slice(0, 16)}, 'scheduled'
      from generate_series(1, ${o.n}) g
      returning id
    )
    insert into jobs (queue, key, payload, workspace_id, run_at, status, max_attempts)
    select ${PUBLISH_QUEUE}, 'publish:' || d.id, jsonb_build_object('draftId', d.id, 'workspaceId', ${o.workspaceId}::uuid), ${o.workspaceId}::uuid, ${o.at.toISOString()}::timestamptz, 'queued', 8
    from d
  `);
}
