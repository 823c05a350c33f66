/**
 * The demo: one account owning one workspace with one profile, created through the same code paths
 * as a real sign-up (the api test factories). Idempotent: a second run changes nothing.
 */
import { copyFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  and,
  count,
  eq,
  imports,
  memberships,
  posts,
  socialProfiles,
  users,
  workspaces,
} from "@rapport/db";
import { createUser } from "@rapport/api/testing";
import { commitImport, configureImports, createImportJob, whenIdle } from "@rapport/api/imports";
import { env } from "../app/utils/env.server";
import { getDatabase } from "../app/utils/db.server";
import { mediaStorage } from "../app/utils/storage.server";
import { DEMO_ACCOUNT } from "./demo-account";
import { seedDemoPlan } from "./demo-plan";

const handle = await getDatabase();
const db = handle.db;
try {
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_ACCOUNT.email));
  if (existing) {
    console.log("Demo account already present.");
  } else {
    const { caller } = await createUser(db, DEMO_ACCOUNT);
    const workspace = await caller.workspace.create({ name: DEMO_ACCOUNT.workspace });
    // The UCI Facebook metrics page: 139,441 page likes on its latest post (the data set's own figure).
    // Its time zone is not published; Lisbon is assumed (the study's authors and data are Portuguese).
    await caller.socialProfile.create({
      workspaceId: workspace.id,
      platform: "facebook",
      handle: "demo.cosmetics",
      displayName: "Demo cosmetics brand",
      timeZone: "Europe/Lisbon",
      followerCount: 139441,
    });
    console.log("Demo account created.");
  }
  await seedUciPosts();
  const demo = await demoWorkspace();
  if (demo) await seedDemoPlan(db, { ...demo, storage: mediaStorage() });
  console.log(`\n  Demo sign-in: ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}\n`);
} finally {
  await whenIdle();
  await handle.close();
}

/**
 * The demo's past posts: the UCI "Facebook metrics" data set (Moro, Rita and Vala 2016, CC BY 4.0;
 * 500 real posts of a cosmetics brand's page), imported through the same job code a user's file
 * goes through. Skipped when the demo workspace already has posts.
 */
async function seedUciPosts() {
  const ws = await demoWorkspace();
  if (!ws) return;
  const [{ n } = { n: 0 }] = await db
    .select({ n: count() })
    .from(posts)
    .where(eq(posts.workspaceId, ws.id));
  if (n > 0) {
    console.log(`Demo posts already present (${n}).`);
    return;
  }
  const [profile] = await db
    .select({ id: socialProfiles.id })
    .from(socialProfiles)
    .where(eq(socialProfiles.workspaceId, ws.id));
  const [owner] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, DEMO_ACCOUNT.email));
  if (!profile || !owner) return;
  const dir = path.join(env.DATA_DIR, "imports");
  configureImports({ dir });
  const coreDir = path.dirname(
    createRequire(import.meta.url).resolve("@rapport/core/package.json"),
  );
  const source = path.join(coreDir, "data/facebook-metrics/dataset_Facebook.csv");
  const storageKey = crypto.randomUUID();
  copyFileSync(source, path.join(dir, storageKey));
  const job = await createImportJob(db, dir, {
    workspaceId: ws.id,
    profileId: profile.id,
    kind: "uci-csv",
    fileName: "dataset_Facebook.csv (UCI Facebook metrics, CC BY 4.0)",
    fileBytes: statSync(source).size,
    storageKey,
    createdBy: owner.id,
  });
  await job.done;
  await db.update(imports).set({ status: "committing" }).where(eq(imports.id, job.id));
  await commitImport(db, dir, job.id);
  const [done] = await db
    .select({ status: imports.status, newCount: imports.newCount })
    .from(imports)
    .where(eq(imports.id, job.id));
  console.log(
    `Demo posts imported from the UCI Facebook metrics data: ${done?.newCount ?? 0} (${done?.status}).`,
  );
}

/** The demo workspace and its owner, when the demo account exists. */
async function demoWorkspace(): Promise<{
  id: string;
  workspaceId: string;
  ownerId: string;
} | null> {
  const [row] = await db
    .select({ id: workspaces.id, ownerId: users.id })
    .from(workspaces)
    .innerJoin(memberships, eq(memberships.workspaceId, workspaces.id))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(users.email, DEMO_ACCOUNT.email), eq(workspaces.name, DEMO_ACCOUNT.workspace)));
  return row ? { id: row.id, workspaceId: row.id, ownerId: row.ownerId } : null;
}
