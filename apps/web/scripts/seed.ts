/**
 * The demo: one account owning one workspace with one profile, created through the same code paths
 * as a real sign-up (the api test factories). Idempotent: a second run changes nothing.
 */
import { eq, users } from "@rapport/db";
import { createUser } from "@rapport/api/testing";
import { getDatabase } from "../app/utils/db.server";
import { DEMO_ACCOUNT } from "./demo-account";

const handle = await getDatabase();
const db = handle.db;
try {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_ACCOUNT.email));
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
  console.log(`\n  Demo sign-in: ${DEMO_ACCOUNT.email} / ${DEMO_ACCOUNT.password}\n`);
} finally {
  await handle.close();
}
