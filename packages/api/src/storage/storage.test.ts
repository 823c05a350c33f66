import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { contentKey, DiskStorage, S3Storage } from "./index";

const sha = "ab".repeat(32);
const key = contentKey(sha);

async function text(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}

describe("contentKey", () => {
  it("spreads blobs over two folder levels by hash", () => {
    expect(key).toBe(`ab/ab/${sha}`);
    expect(contentKey(sha, "thumb")).toBe(`ab/ab/${sha}.thumb`);
  });
  it("refuses anything that is not a sha256", () => {
    expect(() => contentKey("../../etc/passwd")).toThrow(/Invalid storage key/);
  });
});

describe("DiskStorage", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "rapport-disk-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("puts, gets, checks and deletes, leaving no temp files", async () => {
    const s = new DiskStorage(dir);
    expect(await s.exists(key)).toBe(false);
    expect(await s.get(key)).toBeNull();
    await s.put(key, Buffer.from("hello"), "image/png");
    await s.put(key, Readable.from([Buffer.from("ignored: same key")]), "image/png");
    const got = await s.get(key);
    expect(got?.contentType).toBe("image/png");
    expect(got?.size).toBe(5);
    expect(await text(got!.body)).toBe("hello");
    expect((await readdir(path.join(dir, "ab", "ab"))).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    await s.delete(key);
    expect(await s.exists(key)).toBe(false);
  });

  it("streams a body to disk", async () => {
    const s = new DiskStorage(dir);
    const k = contentKey("cd".repeat(32));
    await s.put(k, Readable.from([Buffer.from("a"), Buffer.from("b")]), "video/mp4");
    expect(await text((await s.get(k))!.body)).toBe("ab");
  });
});

// The S3 implementation is tested against aws-sdk-client-mock (the commands and parameters it sends),
// not a live S3-compatible server: see docs/decisions/501.
describe("S3Storage (aws-sdk-client-mock)", () => {
  const s3 = mockClient(S3Client);
  beforeEach(() => s3.reset());
  const storage = () => new S3Storage({ bucket: "media-bucket", region: "eu-west-1", endpoint: "http://127.0.0.1:9000", forcePathStyle: true }, new S3Client({ region: "eu-west-1" }));

  it("puts under the prefix with the content type and length, skipping keys that exist", async () => {
    s3.on(HeadObjectCommand).rejectsOnce(Object.assign(new Error("not found"), { name: "NotFound" })).resolves({});
    s3.on(PutObjectCommand).resolves({});
    await storage().put(key, Readable.from([Buffer.from("hel"), Buffer.from("lo")]), "image/jpeg");
    const puts = s3.commandCalls(PutObjectCommand);
    expect(puts).toHaveLength(1);
    const input = puts[0]!.args[0].input;
    expect(input).toMatchObject({ Bucket: "media-bucket", Key: `media/${key}`, ContentType: "image/jpeg", ContentLength: 5 });
    expect(Buffer.from(input.Body as Buffer).toString()).toBe("hello");
    await storage().put(key, Buffer.from("again"), "image/jpeg");
    expect(s3.commandCalls(PutObjectCommand)).toHaveLength(1);
  });

  it("gets the body and content type; a missing key is null", async () => {
    s3.on(GetObjectCommand, { Key: `media/${key}` }).resolves({
      // On Node the SDK hands back an IncomingMessage, a Readable.
      Body: Readable.from([Buffer.from("bytes")]) as never,
      ContentType: "image/webp",
      ContentLength: 5,
    });
    const got = await storage().get(key);
    expect(got?.contentType).toBe("image/webp");
    expect(await text(got!.body)).toBe("bytes");
    s3.on(GetObjectCommand, { Key: `media/${contentKey("ef".repeat(32))}` }).rejects(Object.assign(new Error("nope"), { name: "NoSuchKey" }));
    expect(await storage().get(contentKey("ef".repeat(32)))).toBeNull();
  });

  it("reports existence through HEAD and deletes by key; other errors propagate", async () => {
    s3.on(HeadObjectCommand).resolves({});
    expect(await storage().exists(key)).toBe(true);
    s3.on(HeadObjectCommand).rejects(Object.assign(new Error("denied"), { name: "AccessDenied" }));
    await expect(storage().exists(key)).rejects.toThrow("denied");
    s3.on(DeleteObjectCommand).resolves({});
    await storage().delete(key);
    expect(s3.commandCalls(DeleteObjectCommand)[0]!.args[0].input).toEqual({ Bucket: "media-bucket", Key: `media/${key}` });
  });
});
