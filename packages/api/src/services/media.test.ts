import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TRPCError } from "@trpc/server";
import { openTestDatabase } from "@rapport/db/testing/open";
import type { DatabaseHandle } from "@rapport/db";
import { DiskStorage } from "../storage/index";
import { createUser, type TestUser } from "../testing/factories";
import { MAX_IMAGE_BYTES } from "../draft-schemas";
import { ingestMedia, MediaRejectedError } from "./media";

let h: DatabaseHandle;
let dir: string;
let storage: DiskStorage;
let ana: TestUser;
let ws: { id: string };
let draftId: string;

beforeAll(async () => {
  h = await openTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), "rapport-media-"));
  storage = new DiskStorage(path.join(dir, "media"));
  ana = await createUser(h.db);
  ws = await ana.caller.workspace.create({ name: "Media" });
  const p = await ana.caller.socialProfile.create({ workspaceId: ws.id, platform: "instagram", handle: "m", displayName: "M", timeZone: "UTC", followerCount: null });
  draftId = (await ana.caller.draft.create({ workspaceId: ws.id, profileId: p.id, format: "carousel" })).id;
});
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function file(bytes: Buffer, name = `f${++n}`): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, bytes);
  return p;
}

/** A JPEG with EXIF GPS and an orientation tag that rotates it 90 degrees. */
async function jpegWithGps(color: string, width = 600, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({ IFD0: { Make: "PhoneCo" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "38/1 42/1 0/1", GPSLongitudeRef: "W", GPSLongitude: "9/1 8/1 0/1" } })
    .toBuffer();
}

const ingest = (filePath: string, originalName: string | null = "photo.jpg") =>
  ingestMedia(h.db, storage, { workspaceId: ws.id, userId: ana.user.id, filePath, originalName });

describe("ingestMedia", () => {
  it("strips EXIF (GPS included), applies the orientation, stores content-addressed and makes a 400px thumbnail", async () => {
    const original = await jpegWithGps("#c0392b", 800, 400);
    expect((await sharp(original).metadata()).orientation).toBe(6);
    expect(original.includes(Buffer.from("PhoneCo"))).toBe(true);
    const row = await ingest(await file(original));
    expect(row.mimeType).toBe("image/jpeg");
    // Orientation 6 rotates: 800x400 becomes 400x800.
    expect([row.width, row.height]).toEqual([400, 800]);
    expect(row.storageKey).toBe(`${row.sha256.slice(0, 2)}/${row.sha256.slice(2, 4)}/${row.sha256}`);
    const stored = await storage.get(row.storageKey);
    const chunks: Buffer[] = [];
    for await (const c of stored!.body) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(bytes.includes(Buffer.from("PhoneCo"))).toBe(false);
    const { createHash } = await import("node:crypto");
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(row.sha256);
    const thumb = await storage.get(row.thumbnailKey!);
    const tchunks: Buffer[] = [];
    for await (const c of thumb!.body) tchunks.push(c as Buffer);
    const tmeta = await sharp(Buffer.concat(tchunks)).metadata();
    expect(tmeta.format).toBe("webp");
    expect(Math.max(tmeta.width!, tmeta.height!)).toBe(400);
  });

  it("stores the same picture once per workspace", async () => {
    const bytes = await jpegWithGps("#2980b9");
    const a = await ingest(await file(bytes));
    const b = await ingest(await file(bytes), "copy.jpg");
    expect(b.id).toBe(a.id);
  });

  it("reads the type from the bytes: a text file named .jpg is refused", async () => {
    const e = await ingest(await file(Buffer.from("not a picture at all, just words"), "fake.jpg"), "fake.jpg").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MediaRejectedError);
    expect((e as Error).message).toMatch(/^“fake\.jpg” is not an image or video we accept \(we read the file itself, not its name\)/);
  });

  it("accepts a PNG named .txt because the bytes are a PNG", async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 4, background: "#00ff00" } }).png().toBuffer();
    const row = await ingest(await file(png, "pic.txt"), "pic.txt");
    expect(row.mimeType).toBe("image/png");
  });

  it("refuses an image over 20 MB with the limit in the message", async () => {
    const header = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } }).png().toBuffer();
    const big = Buffer.concat([header, Buffer.alloc(MAX_IMAGE_BYTES + 1 - header.length)]);
    const e = await ingest(await file(big), "huge.png").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MediaRejectedError);
    expect((e as Error).message).toBe("“huge.png” is 20 MB; images can be at most 20 MB.");
  });

  it("refuses a truncated image it cannot decode", async () => {
    const jpeg = await jpegWithGps("#8e44ad");
    const e = await ingest(await file(jpeg.subarray(0, 400)), "broken.jpg").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MediaRejectedError);
    expect((e as Error).message).toContain("We couldn't read “broken.jpg” as an image");
  });
});

describe("media procedures", () => {
  it("attaches in order, reorders, detaches; and refuses a reorder that names other media", async () => {
    const ids: string[] = [];
    for (const color of ["#111111", "#222222", "#333333"]) {
      const row = await ingest(await file(await sharp({ create: { width: 20, height: 20, channels: 3, background: color } }).png().toBuffer()));
      await ana.caller.media.attach({ workspaceId: ws.id, draftId, mediaId: row.id });
      ids.push(row.id);
    }
    const d = await ana.caller.draft.get({ workspaceId: ws.id, draftId });
    expect(d.media.map((m) => m.id)).toEqual(ids);
    const reordered = await ana.caller.media.reorder({ workspaceId: ws.id, draftId, mediaIds: [ids[2]!, ids[0]!, ids[1]!] });
    expect(reordered.map((m) => m.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect((await ana.caller.draft.get({ workspaceId: ws.id, draftId })).media.map((m) => m.id)).toEqual([ids[2], ids[0], ids[1]]);
    const bad = await ana.caller.media.reorder({ workspaceId: ws.id, draftId, mediaIds: [ids[0]!, ids[1]!] }).catch((e: unknown) => e);
    expect((bad as TRPCError).code).toBe("CONFLICT");
    const after = await ana.caller.media.detach({ workspaceId: ws.id, draftId, mediaId: ids[0]! });
    expect(after.map((m) => m.id)).toEqual([ids[2], ids[1]]);
    expect((await ana.caller.media.uploadTarget({ workspaceId: ws.id, draftId })).count).toBe(2);
  });
});
