/**
 * Issue 14, finding 5: two owners demoting (or removing) each other at the same moment left a
 * workspace with no owner. The database now refuses any change that would, and the procedures take
 * turns on the workspace row. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL, where the
 * pool gives each transaction its own connection and the race is real.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { openTestDatabase } from "@rapport/db/testing/open";
import { and, eq, memberships, sql, workspaces, type DatabaseHandle } from "@rapport/db";
import { createUser, type TestUser } from "../testing/factories";

let h: DatabaseHandle;
let ann: TestUser;
let ben: TestUser;
beforeAll(async () => {
  h = await openTestDatabase();
  ann = await createUser(h.db);
  ben = await createUser(h.db);
});
afterAll(() => h.close());

async function twoOwners(): Promise<string> {
  const ws = await ann.caller.workspace.create({ name: "Pair" });
  await h.db.insert(memberships).values({ workspaceId: ws.id, userId: ben.user.id, role: "owner" });
  return ws.id;
}

async function owners(workspaceId: string) {
  return (
    await h.db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")))
  ).length;
}

function outcome(p: Promise<unknown>) {
  return p.then(
    () => "ok",
    (e: unknown) => {
      expect(e).toBeInstanceOf(TRPCError);
      expect((e as TRPCError).code).not.toBe("INTERNAL_SERVER_ERROR");
      return (e as TRPCError).message;
    },
  );
}

describe("at least one owner per workspace", () => {
  it("survives ten rounds of two owners demoting each other at once", async () => {
    for (let round = 0; round < 10; round++) {
      const workspaceId = await twoOwners();
      const results = await Promise.all([
        outcome(
          ann.caller.workspace.changeRole({ workspaceId, userId: ben.user.id, role: "viewer" }),
        ),
        outcome(
          ben.caller.workspace.changeRole({ workspaceId, userId: ann.user.id, role: "viewer" }),
        ),
      ]);
      expect(await owners(workspaceId)).toBe(1);
      expect(results.filter((r) => r === "ok")).toHaveLength(1);
      expect(results.find((r) => r !== "ok")).toMatch(/no longer an owner|at least one owner|needs the owner role/);
    }
  });

  it("survives two owners removing each other at once", async () => {
    for (let round = 0; round < 5; round++) {
      const workspaceId = await twoOwners();
      await Promise.all([
        outcome(ann.caller.workspace.removeMember({ workspaceId, userId: ben.user.id })),
        outcome(ben.caller.workspace.removeMember({ workspaceId, userId: ann.user.id })),
      ]);
      expect(await owners(workspaceId)).toBe(1);
    }
  });

  it("is enforced by the database, whatever path a change takes", async () => {
    const workspaceId = await twoOwners();
    await expect(
      h.db.execute(sql`update memberships set role = 'editor' where workspace_id = ${workspaceId}`),
    ).rejects.toThrow();
    await expect(
      h.db.delete(memberships).where(eq(memberships.workspaceId, workspaceId)),
    ).rejects.toThrow();
    expect(await owners(workspaceId)).toBe(2);
    // Demoting one of two is fine, and the workspace itself can still be deleted with its members.
    await h.db
      .update(memberships)
      .set({ role: "editor" })
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, ben.user.id)));
    await h.db.delete(workspaces).where(eq(workspaces.id, workspaceId));
    expect(await owners(workspaceId)).toBe(0);
  });
});
