/**
 * Issue 14, findings 6, 7 and 12: image work is bounded (a pixel limit read from the header, two jobs
 * at a time), MP4 metadata (the ©xyz location included) is removed before a video is stored, and the
 * same bytes uploaded under two names keep each name on its own attachment.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "@rapport/db/testing/open";
import type { DatabaseHandle } from "@rapport/db";
import { DiskStorage } from "../storage/index";
import { createUser, type TestUser } from "../testing/factories";
import { ingestMedia, MediaRejectedError } from "./media";
import { BusyError, WorkQueue } from "./work-queue";

let h: DatabaseHandle;
let dir: string;
let storage: DiskStorage;
let ana: TestUser;
let ws: { id: string };
let profileId: string;

beforeAll(async () => {
  h = await openTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), "rapport-media-hard-"));
  storage = new DiskStorage(path.join(dir, "media"));
  ana = await createUser(h.db);
  ws = await ana.caller.workspace.create({ name: "Media" });
  profileId = (
    await ana.caller.socialProfile.create({
      workspaceId: ws.id,
      platform: "instagram",
      handle: "m",
      displayName: "M",
      timeZone: "UTC",
      followerCount: null,
    })
  ).id;
});
afterAll(async () => {
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function file(bytes: Buffer): Promise<string> {
  const p = path.join(dir, `upload-${++n}`);
  await writeFile(p, bytes);
  return p;
}
const ingest = (filePath: string, originalName: string) =>
  ingestMedia(h.db, storage, { workspaceId: ws.id, userId: ana.user.id, filePath, originalName });

const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** A decompression bomb's header: a 10,000 x 10,000 PNG whose pixel data would take 300 MB decoded. */
function hugePngHeader(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(10_000, 0);
  ihdr.writeUInt32BE(10_000, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, "latin1");
  return Buffer.concat([head, body]);
}
const LOCATION = "+38.7167-009.1333/";
/** An MP4 as a phone writes it: ftyp, a movie header whose user data holds the ©xyz location, media data. */
function mp4WithLocation(): Buffer {
  const mvhd = box("mvhd", Buffer.alloc(100));
  const payload = Buffer.from(LOCATION, "latin1");
  const head = Buffer.alloc(4);
  head.writeUInt16BE(payload.length);
  head.writeUInt16BE(0x15c7, 2);
  const udta = box("udta", box("\u00a9xyz", head, payload));
  const meta = box(
    "meta",
    Buffer.alloc(4),
    box("keys", Buffer.from("com.apple.quicktime.location.ISO6709")),
  );
  return Buffer.concat([
    box("ftyp", Buffer.from("isom"), Buffer.alloc(4), Buffer.from("isommp41")),
    box("moov", mvhd, udta, meta),
    box("mdat", Buffer.alloc(4096, 7)),
  ]);
}

function topLevel(bytes: Buffer): string[] {
  const types: string[] = [];
  for (let at = 0; at + 8 <= bytes.length; at += bytes.readUInt32BE(at))
    types.push(`${bytes.toString("latin1", at + 4, at + 8)}:${bytes.readUInt32BE(at)}`);
  return types;
}

describe("decompression cost", () => {
  it("refuses a 10,000 x 10,000 PNG from its header, before decoding a pixel", async () => {
    // The file is a header and nothing else: decoding would fail as truncated, not with this sentence.
    const e = await ingest(await file(hugePngHeader()), "bomb.png").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MediaRejectedError);
    expect((e as Error).message).toBe(
      "“bomb.png” is 10000 x 10000 pixels; images can have at most 50 million pixels. Resize it and try again.",
    );
  });

  it("six of them at once are all refused from their headers", async () => {
    const bytes = hugePngHeader();
    const results = await Promise.all(
      Array.from({ length: 6 }, async (_, i) =>
        ingest(await file(bytes), `bomb-${i}.png`).catch((x: unknown) => x),
      ),
    );
    expect(results.every((r) => r instanceof MediaRejectedError)).toBe(true);
  });

  it("runs at most two jobs at once and turns away a queue that is too long", async () => {
    const queue = new WorkQueue(2, 3);
    let running = 0;
    let peak = 0;
    const job = () =>
      queue.run(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 20));
        running--;
        return "done";
      });
    const outcomes = await Promise.all(
      Array.from({ length: 7 }, () => job().catch((e: unknown) => e)),
    );
    expect(peak).toBe(2);
    expect(outcomes.filter((o) => o === "done")).toHaveLength(5);
    expect(outcomes.filter((o) => o instanceof BusyError)).toHaveLength(2);
    expect(queue.active).toBe(0);
  });
});

describe("video metadata", () => {
  it("removes the ©xyz location and the QuickTime keys from an MP4, keeping every offset", async () => {
    const original = mp4WithLocation();
    expect(original.includes(LOCATION)).toBe(true);
    const row = await ingest(await file(original), "holiday.mp4");
    const stored = await readFile(path.join(dir, "media", row.storageKey));
    expect(stored.length).toBe(original.length);
    expect(stored.includes(LOCATION)).toBe(false);
    expect(stored.includes("\u00a9xyz")).toBe(false);
    expect(stored.includes("com.apple.quicktime.location")).toBe(false);
    // Still a well-formed file: the same top-level boxes, the metadata now free space of the same size.
    expect(topLevel(stored)).toEqual(topLevel(original));
    expect(stored.includes("free")).toBe(true);
    expect(stored.subarray(0, 32).equals(original.subarray(0, 32))).toBe(true);
  });

  it("survives a crafted metadata box that claims two billion entries (it is blanked, never parsed)", async () => {
    const bomb = box("keys", Buffer.from([0, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff]));
    const mp4 = Buffer.concat([
      box("ftyp", Buffer.from("isom"), Buffer.alloc(4), Buffer.from("isommp41")),
      box(
        "moov",
        box("mvhd", Buffer.alloc(100)),
        box("trak", box("udta", box("\u00a9xyz", Buffer.from(LOCATION)))),
        box("meta", Buffer.alloc(4), bomb),
      ),
      box("mdat", Buffer.alloc(64)),
    ]);
    const row = await ingest(await file(mp4), "crafted.mp4");
    const stored = await readFile(path.join(dir, "media", row.storageKey));
    expect(stored.includes(LOCATION)).toBe(false);
    expect(stored.includes("keys")).toBe(false);
  });

  it("refuses a video whose structure can't be read, saying why", async () => {
    const broken = Buffer.concat([
      box("ftyp", Buffer.from("isom"), Buffer.alloc(4), Buffer.from("isommp41")),
      Buffer.from([0, 0, 0x10, 0, 0x6d, 0x6f, 0x6f, 0x76, 1, 2, 3]),
    ]);
    const e = await ingest(await file(broken), "broken.mp4").catch((x: unknown) => x);
    expect(e).toBeInstanceOf(MediaRejectedError);
    expect((e as Error).message).toMatch(
      /^We couldn't remove the metadata \(location included\) from “broken\.mp4” because .+, so it was not stored\./,
    );
  });
});

describe("names of the same bytes", () => {
  it("shows each upload under its own name", async () => {
    const bytes = await sharp({
      create: { width: 30, height: 30, channels: 3, background: "#884422" },
    })
      .png()
      .toBuffer();
    const first = (await ana.caller.draft.create({ workspaceId: ws.id, profileId })).id;
    const second = (await ana.caller.draft.create({ workspaceId: ws.id, profileId })).id;
    const a = await ingest(await file(bytes), "menu-front.png");
    await ana.caller.media.attach({
      workspaceId: ws.id,
      draftId: first,
      mediaId: a.id,
      originalName: "menu-front.png",
    });
    const b = await ingest(await file(bytes), "terrace-special.png");
    expect(b.id).toBe(a.id);
    await ana.caller.media.attach({
      workspaceId: ws.id,
      draftId: second,
      mediaId: b.id,
      originalName: "terrace-special.png",
    });
    expect(
      (await ana.caller.draft.get({ workspaceId: ws.id, draftId: first })).media.map(
        (m) => m.originalName,
      ),
    ).toEqual(["menu-front.png"]);
    expect(
      (await ana.caller.draft.get({ workspaceId: ws.id, draftId: second })).media.map(
        (m) => m.originalName,
      ),
    ).toEqual(["terrace-special.png"]);
    const copy = await ana.caller.draft.duplicate({ workspaceId: ws.id, draftId: second });
    expect(copy.media.map((m) => m.originalName)).toEqual(["terrace-special.png"]);
  });
});
