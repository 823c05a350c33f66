/** Issue 14, finding 10: what made the server answer 500 is refused with a 400 and a sentence. */
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@rapport/db/testing/open";
import type { DatabaseHandle } from "@rapport/db";
import { createUser, type TestUser } from "./testing/factories";
import { dataExceptionAsBadRequest, findUnacceptableValue } from "./input-guard";
import { describeTRPCError } from "./trpc-errors";

let h: DatabaseHandle;
let owner: TestUser;
let workspaceId: string;
let profileId: string;

beforeAll(async () => {
  h = await openTestDatabase();
  owner = await createUser(h.db);
  workspaceId = (await owner.caller.workspace.create({ name: "Guarded" })).id;
  profileId = (
    await owner.caller.socialProfile.create({
      workspaceId,
      platform: "instagram",
      handle: "g",
      displayName: "G",
      timeZone: "UTC",
      followerCount: 1,
    })
  ).id;
});
afterAll(() => h.close());

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    return {
      code: (error as TRPCError).code,
      message: describeTRPCError(error as TRPCError).message,
    };
  }
  throw new Error("expected a refusal");
}

describe("input the database cannot store", () => {
  it("refuses a NUL byte in any text field with a sentence", async () => {
    const renamed = await refusal(
      owner.caller.workspace.rename({ workspaceId, name: "Bad\u0000name" }),
    );
    expect(renamed.code).toBe("BAD_REQUEST");
    expect(renamed.message).toMatch(/control characters|NUL/);
    const draft = await owner.caller.draft.create({ workspaceId, profileId });
    const caption = await refusal(
      owner.caller.draft.update({
        workspaceId,
        draftId: draft.id,
        expectedVersion: 1,
        caption: "hi\u0000",
      }),
    );
    expect(caption.code).toBe("BAD_REQUEST");
  });

  it("refuses counts of 2^31 or more and versions past the integer range", async () => {
    const reach = await refusal(
      owner.caller.post.addManual({
        workspaceId,
        profileId,
        publishedAt: "2026-01-05T10:00:00Z",
        reach: 3_000_000_000,
      }),
    );
    expect(reach).toEqual({
      code: "BAD_REQUEST",
      message: "A count must be at most 2,147,483,647.",
    });
    const draft = await owner.caller.draft.create({ workspaceId, profileId });
    const version = await refusal(
      owner.caller.draft.update({
        workspaceId,
        draftId: draft.id,
        expectedVersion: 2 ** 31,
        caption: "x",
      }),
    );
    expect(version.code).toBe("BAD_REQUEST");
  });

  it("refuses year-0000 dates", async () => {
    const post = await refusal(
      owner.caller.post.addManual({
        workspaceId,
        profileId,
        publishedAt: "0000-01-01T00:00:00Z",
        reach: 10,
      }),
    );
    expect(post.code).toBe("BAD_REQUEST");
    expect(post.message).toMatch(/Use a date between 2004 and \d{4}\./);
  });

  it("turns a database data exception into a BAD_REQUEST anywhere in the cause chain", () => {
    const pgError = Object.assign(
      new Error('value "3000000000" is out of range for type integer'),
      { code: "22003" },
    );
    const wrapped = new Error("Failed query", { cause: pgError });
    expect(
      dataExceptionAsBadRequest(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: wrapped }))
        ?.code,
    ).toBe("BAD_REQUEST");
    expect(
      dataExceptionAsBadRequest(Object.assign(new Error("unique"), { code: "23505" })),
    ).toBeNull();
  });

  it("names the field that holds a NUL byte or an impossible date", () => {
    expect(findUnacceptableValue({ a: [{ caption: "x\u0000" }] })).toMatch(
      /"a\.0\.caption" contains a NUL byte/,
    );
    expect(findUnacceptableValue({ at: new Date(Number.NaN) })).toMatch(/"at" is not a valid date/);
    expect(findUnacceptableValue({ ok: "fine", n: 3, d: new Date() })).toBeNull();
  });
});
