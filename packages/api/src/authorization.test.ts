/**
 * The authorization matrix: every procedure of the app router (enumerated from the router, so a new
 * one cannot escape) called as anonymous, as the owner of another workspace, and as a viewer, editor
 * and owner of the workspace, against the table of the least role each needs. Issue 14, systematic
 * guarantee 1. Only `{ workspaceId }` is sent: the role is checked before the rest of the input.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { openTestDatabase } from "@rapport/db/testing/open";
import { memberships, type DatabaseHandle } from "@rapport/db";
import { callByPath, listProcedures } from "./testing/procedures";
import { callerFor, createUser, type TestUser } from "./testing/factories";
import { configureImports, whenIdle } from "./services/imports";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

type Need = "public" | "signed-in" | "viewer" | "editor" | "owner";

/** The least each procedure needs. A procedure missing here fails the test: add it, deliberately. */
const NEEDS: Record<string, Need> = {
  "calendar.bestSlots": "viewer",
  "calendar.grid": "viewer",
  "calendar.range": "viewer",
  "contentType.create": "editor",
  "contentType.list": "viewer",
  "contentType.rename": "editor",
  "contentType.setArchived": "editor",
  "draft.addToQueue": "editor",
  "draft.create": "editor",
  "draft.delete": "editor",
  "draft.duplicate": "editor",
  "draft.fromPost": "editor",
  "draft.get": "viewer",
  "draft.history": "viewer",
  "draft.labels": "viewer",
  "draft.list": "viewer",
  "draft.reschedule": "editor",
  "draft.scoringInput": "viewer",
  "draft.transition": "editor",
  "draft.update": "editor",
  "home.thisWeek": "viewer",
  "import.cancel": "editor",
  "import.commit": "editor",
  "import.dismiss": "editor",
  "import.list": "viewer",
  "import.mappings": "viewer",
  "import.rejections": "viewer",
  "import.saveMapping": "editor",
  "import.status": "viewer",
  "insights.get": "viewer",
  "media.attach": "editor",
  "media.detach": "editor",
  "media.get": "viewer",
  "media.reorder": "editor",
  "media.uploadTarget": "editor",
  "notification.list": "viewer",
  "notification.markRead": "viewer",
  "notification.unreadCount": "viewer",
  "post.addManual": "editor",
  "post.export": "viewer",
  "post.list": "viewer",
  "post.setContentType": "editor",
  "post.top": "viewer",
  "publishing.createFeed": "editor",
  "publishing.deliveries": "owner",
  "publishing.feeds": "editor",
  "publishing.markPublished": "editor",
  "publishing.outbox": "owner",
  "publishing.reminder": "viewer",
  "publishing.retry": "editor",
  "publishing.revokeFeed": "editor",
  "publishing.rotateSecret": "owner",
  "publishing.sendTestEvent": "owner",
  "publishing.settings": "viewer",
  "publishing.updateSettings": "owner",
  "slots.create": "editor",
  "slots.delete": "editor",
  "slots.list": "viewer",
  "slots.suggest": "viewer",
  "slots.update": "editor",
  "socialProfile.create": "editor",
  "socialProfile.delete": "editor",
  "socialProfile.get": "viewer",
  "socialProfile.list": "viewer",
  "socialProfile.update": "editor",
  "workspace.accept": "signed-in",
  "workspace.changeRole": "owner",
  "workspace.create": "signed-in",
  "workspace.get": "viewer",
  "workspace.invitation": "signed-in",
  "workspace.invite": "owner",
  "workspace.list": "signed-in",
  "workspace.members": "viewer",
  "workspace.removeMember": "viewer",
  "workspace.rename": "owner",
  "workspace.revokeInvitation": "owner",
  "workspace.setApprovals": "owner",
};

let h: DatabaseHandle;
let owner: TestUser;
let editor: TestUser;
let viewer: TestUser;
let stranger: TestUser;

beforeAll(async () => {
  h = await openTestDatabase();
  configureImports({ dir: mkdtempSync(path.join(tmpdir(), "rapport-authz-")) });
  [owner, editor, viewer, stranger] = await Promise.all([
    createUser(h.db),
    createUser(h.db),
    createUser(h.db),
    createUser(h.db),
  ]);
  await stranger.caller.workspace.create({ name: "Elsewhere" });
});
afterAll(async () => {
  await whenIdle();
  await h.close();
});

async function freshWorkspace(): Promise<string> {
  const ws = await owner.caller.workspace.create({ name: "Matrix" });
  await h.db.insert(memberships).values([
    { workspaceId: ws.id, userId: editor.user.id, role: "editor" },
    { workspaceId: ws.id, userId: viewer.user.id, role: "viewer" },
  ]);
  return ws.id;
}

async function outcome(
  caller: unknown,
  pathName: string,
  input: unknown,
): Promise<"allowed" | "unauthorized" | "not-found" | "forbidden"> {
  try {
    await callByPath(caller, pathName, input);
    return "allowed";
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const e = error as TRPCError;
    expect(e.code, `${pathName}: ${e.message}`).not.toBe("INTERNAL_SERVER_ERROR");
    if (e.code === "UNAUTHORIZED") return "unauthorized";
    if (e.code === "NOT_FOUND" && e.message === "Workspace not found.") return "not-found";
    if (e.code === "FORBIDDEN" && /^This needs the \w+ role/.test(e.message)) return "forbidden";
    return "allowed";
  }
}

const RANK: Record<Need, number> = { public: 0, "signed-in": 1, viewer: 2, editor: 3, owner: 4 };

describe("authorization matrix of every procedure", () => {
  const procedures = listProcedures().filter((p) => p.type !== "subscription");

  it("has an expected role for every procedure in the router, and none for a procedure that is gone", () => {
    const paths = procedures.map((p) => p.path);
    expect(
      paths.filter((p) => !(p in NEEDS)),
      "procedures without an entry in NEEDS",
    ).toEqual([]);
    expect(
      Object.keys(NEEDS).filter((p) => !paths.includes(p)),
      "entries for procedures that no longer exist",
    ).toEqual([]);
  });

  it.each(procedures.map((p) => [p.path] as const))("%s", { timeout: 60_000 }, async (pathName) => {
    const need = NEEDS[pathName];
    if (!need) return;
    const workspaceId = await freshWorkspace();
    const input = { workspaceId };
    const seen = {
      anonymous: await outcome(await callerFor(h.db, null), pathName, input),
      stranger: await outcome(stranger.caller, pathName, input),
      viewer: await outcome(viewer.caller, pathName, input),
      editor: await outcome(editor.caller, pathName, input),
      owner: await outcome(owner.caller, pathName, input),
    };
    const inWorkspace = RANK[need] >= RANK.viewer;
    expect(seen).toEqual({
      anonymous: need === "public" ? "allowed" : "unauthorized",
      stranger: inWorkspace ? "not-found" : "allowed",
      viewer: RANK[need] <= RANK.viewer ? "allowed" : "forbidden",
      editor: RANK[need] <= RANK.editor ? "allowed" : "forbidden",
      owner: "allowed",
    });
  });
});
