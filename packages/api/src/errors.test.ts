import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { openTestDatabase } from "@rapport/db/testing/open";
import type { DatabaseHandle } from "@rapport/db";
import { z } from "zod";
import { validateSessionToken } from "./auth/session";
import { describeZodError } from "./errors";
import { createTRPCContext } from "./context";
import { appRouter } from "./root";
import { createUser, type TestUser } from "./testing/factories";

let h: DatabaseHandle;
let ana: TestUser;
let ws: { id: string };
let ig: { id: string };

/** Posts one mutation through tRPC's HTTP adapter, the way the browser does, and returns the error body. */
async function httpError(path: string, input: unknown) {
  const res = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://x/api/trpc/${path}`, {
      method: "POST",
      body: JSON.stringify(input),
      headers: { "content-type": "application/json" },
    }),
    router: appRouter,
    createContext: async () =>
      createTRPCContext({ db: h.db, auth: await validateSessionToken(h.db, ana.token) }),
  });
  const body = (await res.json()) as {
    error: { message: string; data: { code: string; fieldErrors: Record<string, string[]> } };
  };
  return { status: res.status, ...body.error };
}

beforeAll(async () => {
  h = await openTestDatabase();
  ana = await createUser(h.db);
  ws = await ana.caller.workspace.create({ name: "Bistro" });
  ig = await ana.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "instagram",
    handle: "bistro",
    displayName: "Bistro",
    timeZone: "UTC",
    followerCount: 10,
  });
});
afterAll(() => h.close());

describe("errors reach people as sentences", () => {
  it("names the field of an over-long caption in words, not as zod's JSON", async () => {
    const e = await httpError("draft.create", {
      workspaceId: ws.id,
      profileId: ig.id,
      caption: "a".repeat(63_207),
    });
    expect(e.status).toBe(400);
    expect(e.message).toBe("Captions can be at most 63,206 characters.");
    expect(e.message).not.toContain("{");
    expect(e.data.fieldErrors).toEqual({ caption: ["Captions can be at most 63,206 characters."] });
  });

  it("prefixes zod's own wording with the field it belongs to", () => {
    const parsed = z.object({ expectedVersion: z.number() }).safeParse({ expectedVersion: "one" });
    const d = describeZodError(parsed.error!);
    expect(d.message).toMatch(/^Expected version: Invalid input.*\.$/);
    expect(d.fieldErrors).toEqual({ expectedVersion: [d.message] });
  });

  it("keeps the message of a business rule and adds no field errors", async () => {
    const other = await createUser(h.db);
    const theirs = await other.caller.workspace.create({ name: "Elsewhere" });
    const e = await httpError("socialProfile.create", {
      workspaceId: theirs.id,
      platform: "instagram",
      handle: "x",
      displayName: "X",
      timeZone: "UTC",
      followerCount: null,
    });
    expect(e.status).toBe(404);
    expect(e.message).toBe("Workspace not found.");
    expect(e.data.fieldErrors).toEqual({});
  });
});
