/**
 * Issue 14, findings 2 and 8: a hostile or broken file neither freezes the server nor eats its memory
 * (limits on row length, cell size and row count, each with a sentence; the parser lets other requests
 * run), and one bad cell rejects its row with its reason instead of failing the whole dry run.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openTestDatabase } from "@rapport/db/testing/open";
import { eq, importRejections, type DatabaseHandle } from "@rapport/db";
import { configureImports, createImportJob, whenIdle } from "./index";
import { createUser, type TestUser } from "../../testing/factories";

let h: DatabaseHandle;
let owner: TestUser;
let workspaceId: string;
let profileId: string;
const dir = mkdtempSync(path.join(tmpdir(), "rapport-limits-"));

beforeAll(async () => {
  h = await openTestDatabase();
  configureImports({ dir });
  owner = await createUser(h.db);
  workspaceId = (await owner.caller.workspace.create({ name: "Limits" })).id;
  profileId = (
    await owner.caller.socialProfile.create({
      workspaceId,
      platform: "instagram",
      handle: "lim",
      displayName: "Lim",
      timeZone: "UTC",
      followerCount: 10,
    })
  ).id;
});
afterAll(async () => {
  await whenIdle();
  await h.close();
});

/**
 * Runs the dry run of `text`, counting the turns the event loop got meanwhile (a parser that held the
 * thread for the whole file would give it none or one). How long those turns waited is measured by
 * `pnpm bench`, not here: timings on a shared machine are noise.
 */
async function dryRun(text: string | Buffer, kind: "meta-csv" | "followers-csv" = "meta-csv") {
  const storageKey = crypto.randomUUID();
  writeFileSync(path.join(dir, storageKey), text);
  let turns = 0;
  let counting = true;
  const turn = () => {
    if (!counting) return;
    turns++;
    setImmediate(turn);
  };
  setImmediate(turn);
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const mem = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  const { id } = await createImportJob(h.db, dir, {
    workspaceId,
    profileId,
    kind,
    fileName: "f.csv",
    fileBytes: Buffer.byteLength(text),
    storageKey,
    createdBy: owner.user.id,
  });
  await whenIdle();
  counting = false;
  clearInterval(mem);
  const status = await owner.caller.import.status({ workspaceId, importId: id });
  const rejections = await h.db
    .select()
    .from(importRejections)
    .where(eq(importRejections.importId, id));
  return {
    status,
    rejections,
    turns,
    extraMb: (rssPeak - rssBefore) / 1e6,
  };
}

/** Turns other requests get at the least while a file this size is parsed (it reads 64 KB at a time and yields every 15 ms). */
const MIN_TURNS = 5;

const HEADER = "Post ID,Publish time,Description,Reach,Likes\n";

describe("a hostile file", () => {
  it(
    "a header and 1,000,000 blank lines is read in moments, without freezing",
    { timeout: 120_000 },
    async () => {
      const r = await dryRun(HEADER + "\n".repeat(1_000_000));
      expect(r.status).toMatchObject({ status: "previewed", newCount: 0, rejectedCount: 0 });
      expect(r.turns).toBeGreaterThanOrEqual(MIN_TURNS);
    },
  );

  it(
    "more rows than the limit stop the dry run with a sentence, without freezing",
    { timeout: 120_000 },
    async () => {
      const r = await dryRun(HEADER + ",,,,\n".repeat(500_001));
      expect(r.status.status).toBe("failed");
      expect(r.status.error).toBe(
        "The file has more than 500,000 rows (blank ones count too). Split it into smaller files and import each.",
      );
      expect(r.turns).toBeGreaterThanOrEqual(MIN_TURNS);
    },
  );

  it(
    "a 50 MB line of ',x' cells is refused at the row-length limit, quickly and without eating memory",
    { timeout: 120_000 },
    async () => {
      const r = await dryRun(HEADER + ",x".repeat(25_000_000) + "\n");
      expect(r.status.status).toBe("failed");
      expect(r.status.error).toMatch(/^Row 2 is longer than 1,000,000 characters/);
      expect(r.extraMb).toBeLessThan(400);
      expect(r.turns).toBeGreaterThanOrEqual(MIN_TURNS);
    },
  );

  it("a cell longer than any export writes rejects its row only", async () => {
    const r = await dryRun(
      `${HEADER}1,01/05/2026 10:00,${"a".repeat(150_000)},10,1\n2,01/06/2026 10:00,fine,20,2\n`,
    );
    expect(r.status, JSON.stringify(r.rejections.map((x) => x.reason))).toMatchObject({
      status: "previewed",
      newCount: 1,
      rejectedCount: 1,
    });
    expect(r.rejections[0]!.reason).toMatch(/Cell 3 of this row is longer than 100,000 characters/);
  });
});

describe("one bad cell", () => {
  it("rejects only its row, with its reason: a reach of 3,000,000,000, a NUL byte, years outside 2004 to next year", async () => {
    const next = new Date().getUTCFullYear() + 2;
    const rows = [
      "1,01/05/2026 10:00,ok,100,5",
      "2,01/05/2026 11:00,big,3000000000,5",
      "3,01/05/2026 12:00,nul\u0000here,100,5",
      "4,01/05/0025 12:00,year 25,100,5",
      "5,01/05/9999 12:00,year 9999,100,5",
      `6,01/05/${next} 12:00,too far ahead,100,5`,
      "7,06/01/1999 12:00,too early,100,5",
    ];
    const r = await dryRun(HEADER + rows.join("\n") + "\n");
    expect(r.status, JSON.stringify(r.rejections.map((x) => x.reason))).toMatchObject({
      status: "previewed",
      newCount: 1,
      rejectedCount: 6,
    });
    const reasons = Object.fromEntries(r.rejections.map((x) => [x.row, x.reason]));
    expect(reasons[3]).toBe(
      "Reach 3,000,000,000 is too large: counts above 2,147,483,647 can't be stored",
    );
    expect(reasons[4]).toMatch(/caption contains a NUL byte/);
    expect(reasons[5]).toMatch(
      /^Published 00?25-01-05 is before 2004: check the year|^Published 1925-01-05 is before 2004/,
    );
    expect(reasons[6]).toMatch(/^Published 9999-01-05 is after \d{4}-\d{2}-\d{2}: check the year$/);
    expect(reasons[7]).toMatch(/is after/);
    expect(reasons[8]).toMatch(/^Published 1999-06-01 is before 2004/);
  });

  it("rejects a follower count past the integer range and an impossible date in a follower history", async () => {
    const r = await dryRun(
      "Date,Followers\n2026-01-01,100\n2026-01-02,3000000000\n0001-01-01,5\n",
      "followers-csv",
    );
    expect(r.status, JSON.stringify(r.rejections.map((x) => x.reason))).toMatchObject({
      status: "previewed",
      newCount: 1,
      rejectedCount: 2,
    });
  });
});
