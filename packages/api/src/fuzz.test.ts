/**
 * Property-based fuzzing of every procedure of the app router (enumerated from the router, so a new
 * one is fuzzed without being listed): generated input, shaped by the procedure's own zod schemas and
 * laced with NUL bytes, year-0000 dates and counts of 2^31, never yields INTERNAL_SERVER_ERROR; every
 * refusal is a typed TRPCError with a sentence. Issue 14, finding 10.
 */
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@rapport/db/testing/open";
import { imports, media, posts, type DatabaseHandle } from "@rapport/db";
import { describeTRPCError } from "./trpc-errors";
import { callByPath, listProcedures } from "./testing/procedures";
import { arbitraryForInputs, type ArbitraryContext } from "./testing/zod-arbitrary";
import { createUser, type TestUser } from "./testing/factories";
import { configureImports, whenIdle } from "./services/imports";

const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

let h: DatabaseHandle;
let owner: TestUser;

beforeAll(async () => {
  h = await openTestDatabase();
  configureImports({ dir: await mkdtemp(path.join(tmpdir(), "rapport-fuzz-")) });
  owner = await createUser(h.db);
});
afterAll(async () => {
  await whenIdle();
  await h.close();
});

/** A fresh workspace per procedure with one of each thing, so one procedure's deletions don't starve the next. */
async function fixtures(): Promise<ArbitraryContext> {
  const ws = await owner.caller.workspace.create({ name: "Fuzz" });
  const profile = await owner.caller.socialProfile.create({
    workspaceId: ws.id,
    platform: "instagram",
    handle: "fuzz",
    displayName: "Fuzz",
    timeZone: "UTC",
    followerCount: 100,
  });
  const draft = await owner.caller.draft.create({
    workspaceId: ws.id,
    profileId: profile.id,
    caption: "Hello",
  });
  const sha = crypto.randomUUID().replace(/-/g, "").padEnd(64, "0");
  const [m] = await h.db
    .insert(media)
    .values({
      workspaceId: ws.id,
      sha256: sha,
      mimeType: "image/png",
      byteSize: 1,
      storageKey: `fuzz/${sha}`,
    })
    .returning();
  const [p] = await h.db
    .insert(posts)
    .values({ workspaceId: ws.id, profileId: profile.id, externalId: "f1", caption: "Post" })
    .returning();
  const [imp] = await h.db
    .insert(imports)
    .values({
      workspaceId: ws.id,
      profileId: profile.id,
      kind: "uci-csv",
      fileName: "f.csv",
      fileBytes: 1,
      storageKey: crypto.randomUUID(),
      status: "previewed",
    })
    .returning();
  return {
    ids: [ws.id, profile.id, draft.id, m!.id, p!.id, imp!.id, owner.user.id, crypto.randomUUID()],
    fixed: { workspaceId: ws.id },
  };
}

describe("fuzzing every procedure of the app router", () => {
  const procedures = listProcedures().filter((p) => p.type !== "subscription");

  it("finds the procedures in the router itself", () => {
    expect(procedures.length).toBeGreaterThan(40);
    expect(procedures.map((p) => p.path)).toContain("draft.update");
  });

  it.each(procedures.map((p) => [p.path, p] as const))(
    "%s never answers with a 500",
    { timeout: 120_000 },
    async (_path, procedure) => {
      const ctx = await fixtures();
      await fc.assert(
        fc.asyncProperty(arbitraryForInputs(procedure.inputs, ctx), async (input) => {
          try {
            await callByPath(owner.caller, procedure.path, input);
          } catch (error) {
            expect(error, `a ${procedure.path} refusal must be a TRPCError`).toBeInstanceOf(
              TRPCError,
            );
            const e = error as TRPCError;
            const cause = e.cause instanceof Error ? `${e.cause.name}: ${e.cause.message}` : "";
            expect(e.code, `${procedure.path}: ${e.message} ${cause}`.slice(0, 400)).not.toBe(
              "INTERNAL_SERVER_ERROR",
            );
            // What the user reads (the HTTP error formatter and Remix actions both go through this).
            const shown = describeTRPCError(e).message;
            expect(shown.trim().length).toBeGreaterThan(0);
            expect(shown).not.toMatch(/^\s*[[{]/);
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
    },
  );
});
