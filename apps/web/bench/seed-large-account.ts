/**
 * The load benchmark's larger account, beside the demo: one owner, one Instagram profile with 10,000
 * past posts (core's seeded synthetic history, written through the import's bulk upsert) and 1,000
 * drafts planned over the coming weeks. Prints the ids the benchmark needs as one JSON line.
 * Runs against the same DATA_DIR / DATABASE_URL as the server, before the server starts.
 */
import { and, eq, memberships, users, workspaces } from "@rapport/db";
import { generateSyntheticHistory } from "@rapport/core";
import { createUser } from "@rapport/api/testing";
import { toPostRow, upsertPosts } from "@rapport/api/imports";
import { getDatabase } from "../app/utils/db.server";
import { DEMO_ACCOUNT } from "../scripts/demo-account";
import { benchEnv } from "./bench.env";
import { LARGE_ACCOUNT } from "./large-account";

const PAST_POSTS = benchEnv.pastPosts;
const PLANNED_DRAFTS = benchEnv.plannedDrafts;

const handle = await getDatabase();
const db = handle.db;
try {
  const { caller } = await createUser(db, LARGE_ACCOUNT);
  const workspace = await caller.workspace.create({ name: LARGE_ACCOUNT.workspace });
  const profile = await caller.socialProfile.create({
    workspaceId: workspace.id,
    platform: "instagram",
    handle: "bench.bistro",
    displayName: "Bench bistro",
    timeZone: "Europe/Paris",
    followerCount: 12_000,
  });

  const start = Date.now() - PAST_POSTS * 1.5 * 86_400_000;
  const history = generateSyntheticHistory(PAST_POSTS, { seed: 11, platform: "instagram", start });
  const rows = history.map(toPostRow);
  for (let i = 0; i < rows.length; i += 2_000) {
    await upsertPosts(
      db,
      { workspaceId: workspace.id, profileId: profile.id, importId: null },
      rows.slice(i, i + 2_000),
    );
  }

  // Planned drafts: one every ~40 minutes from tomorrow on, cycling through the content types.
  const types = (await caller.contentType.list({ workspaceId: workspace.id })).map((t) => t.key);
  const tomorrow = Date.now() + 86_400_000;
  for (let i = 0; i < PLANNED_DRAFTS; i++) {
    await caller.draft.create({
      workspaceId: workspace.id,
      profileId: profile.id,
      contentType: types[i % types.length],
      format: "single-image",
      caption: `Planned post ${i + 1}: behind the scenes of service tonight. What should we cook next?`,
      plannedAt: new Date(tomorrow + i * 40 * 60_000).toISOString(),
    });
  }

  const [demo] = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .innerJoin(memberships, eq(memberships.workspaceId, workspaces.id))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, DEMO_ACCOUNT.email), eq(workspaces.name, DEMO_ACCOUNT.workspace)));
  console.log(
    JSON.stringify({
      largeWorkspaceId: workspace.id,
      largeProfileId: profile.id,
      demoWorkspaceId: demo?.id ?? null,
    }),
  );
} finally {
  await handle.close();
}
