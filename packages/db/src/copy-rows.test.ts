import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { asc, eq } from "drizzle-orm";
import type { PGlite } from "@electric-sql/pglite";
import { openTestDatabase } from "./testing/open";
import type { DatabaseHandle } from "./client";
import { copyRows, csvField } from "./copy-rows";
import { importStagedPosts, imports, socialProfiles, workspaces } from "./schema/index";

let handle: DatabaseHandle;
let importId: string;

beforeAll(async () => {
  handle = await openTestDatabase();
  const [ws] = await handle.db.insert(workspaces).values({ name: "Copy" }).returning();
  const [profile] = await handle.db
    .insert(socialProfiles)
    .values({ workspaceId: ws!.id, platform: "instagram", handle: "copy", displayName: "Copy", timeZone: "UTC" })
    .returning();
  const [job] = await handle.db
    .insert(imports)
    .values({ workspaceId: ws!.id, profileId: profile!.id, kind: "meta-csv", fileName: "a.csv", fileBytes: 1, storageKey: "k" })
    .returning();
  importId = job!.id;
});
afterAll(() => handle.close());

type Staged = typeof importStagedPosts.$inferInsert;

const tricky: Omit<Staged, "importId" | "row">[] = [
  { externalId: "comma", caption: "Sale, today, only", hasLink: true, paid: false, likes: 0, extra: { a: "1, 2" } },
  { externalId: "quotes", caption: 'She said "hi" and ""twice""', hasLink: false, paid: true, likes: -3, extra: { 'k"ey': 'va"lue' } },
  { externalId: "newlines", caption: "line one\nline two\r\nline three\n", extra: { note: "multi\nline" } },
  { externalId: "empty", caption: "", contentType: "", extra: {} },
  { externalId: "null", caption: null, hasLink: null, paid: null, likes: null, extra: null },
  { externalId: "end-marker", caption: "\\.", format: "before\n\\.\nafter" },
  { externalId: "backslash", caption: "C:\\temp\\new \\N \\x41", extra: { path: "a\\b" } },
  { externalId: "unicode", caption: "Café ☕ 🍰 — ok", extra: { "ключ": "значение" } },
  { externalId: "date", publishedAt: "2026-03-29T01:30:00.000Z", slotWeekday: 6, slotHour: 1, slotMonth: 3 },
  { externalId: " spaces ", caption: "  padded  ", extra: { nested: "{\"json\": [1, 2]}" } },
];

async function readBack(fromRow: number) {
  const rows = await handle.db.select().from(importStagedPosts).where(eq(importStagedPosts.importId, importId)).orderBy(asc(importStagedPosts.row));
  return rows.filter((r) => r.row >= fromRow && r.row < fromRow + 1000);
}

const expected = (first: number) =>
  tricky.map((t, i) =>
    expect.objectContaining({
      importId,
      row: first + i,
      externalId: t.externalId,
      caption: t.caption ?? null,
      contentType: t.contentType ?? null,
      format: t.format ?? null,
      hasLink: t.hasLink ?? null,
      paid: t.paid ?? null,
      likes: t.likes ?? null,
      extra: t.extra ?? null,
      slotWeekday: t.slotWeekday ?? null,
    }),
  );

describe("csvField", () => {
  it("writes NULL as an empty field and the empty string quoted", () => {
    expect(csvField(null, "text")).toBe("");
    expect(csvField(undefined, "integer")).toBe("");
    expect(csvField("", "text")).toBe('""');
  });

  it("doubles quotes, keeps commas and newlines inside the quotes", () => {
    expect(csvField('a "b", c\nd', "text")).toBe('"a ""b"", c\nd"');
  });

  it("writes booleans as t / f, numbers bare, dates as ISO and jsonb as JSON", () => {
    expect(csvField(true, "boolean")).toBe("t");
    expect(csvField(false, "boolean")).toBe("f");
    expect(csvField(-12, "integer")).toBe("-12");
    expect(csvField(new Date("2026-01-02T03:04:05Z"), "timestamp with time zone")).toBe('"2026-01-02T03:04:05.000Z"');
    expect(csvField({ a: 'x"y' }, "jsonb")).toBe('"{""a"":""x\\""y""}"');
    // A JSON string value is JSON too, not bare text.
    expect(csvField("plain", "jsonb")).toBe('"""plain"""');
  });
});

describe("copyRows", () => {
  it("appends rows with commas, quotes, newlines, empty strings, NULLs, booleans and jsonb intact", async () => {
    const n = await copyRows(handle.db, importStagedPosts, tricky.map((t, i) => ({ ...t, importId, row: 1 + i })));
    expect(n).toBe(tricky.length);
    const back = await readBack(1);
    expect(back).toEqual(expected(1));
    const date = back.find((r) => r.externalId === "date")!;
    expect(new Date(date.publishedAt!).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("gives the same rows inside a transaction (the INSERT ... unnest path)", async () => {
    await handle.db.transaction(async (tx) => {
      await copyRows(tx as unknown as typeof handle.db, importStagedPosts, tricky.map((t, i) => ({ ...t, importId, row: 1001 + i })));
    });
    expect(await readBack(1001)).toEqual(expected(1001));
  });

  it("uses COPY on a PGlite database", async () => {
    if (handle.kind !== "pglite") return;
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const spy = vi.spyOn(client, "query");
    try {
      await copyRows(handle.db, importStagedPosts, [{ importId, row: 2001, externalId: "copy" }]);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0]![0]).toMatch(/^COPY "import_staged_posts" \(.*\) FROM '\/dev\/blob' WITH \(FORMAT csv\)$/);
    } finally {
      spy.mockRestore();
    }
  });

  it("fills only the columns asked for, the others NULL", async () => {
    await copyRows(handle.db, importStagedPosts, [{ importId, row: 3001, externalId: "partial", likes: 7 }], {
      columns: ["importId", "row", "externalId", "likes"],
    });
    const [row] = await readBack(3001);
    expect(row).toMatchObject({ externalId: "partial", likes: 7, caption: null, extra: null });
  });

  it("sends nothing for no rows", async () => {
    expect(await copyRows(handle.db, importStagedPosts, [])).toBe(0);
  });

  it("rejects a batch that breaks a constraint and appends none of it", async () => {
    const rows: Staged[] = [
      { importId, row: 4001, externalId: "fine" },
      { importId: "00000000-0000-4000-8000-000000000000", row: 4002, externalId: "orphan" },
    ];
    await expect(copyRows(handle.db, importStagedPosts, rows)).rejects.toThrow();
    expect(await readBack(4001)).toEqual([]);
  });

  it("refuses a column the table does not have", async () => {
    await expect(
      copyRows(handle.db, importStagedPosts, [{ importId, row: 5001, externalId: "x" }], { columns: ["nope" as "row"] }),
    ).rejects.toThrow('import_staged_posts has no column "nope"');
  });
});
