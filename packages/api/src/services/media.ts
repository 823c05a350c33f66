/**
 * Media ingest: the type is read from the bytes (never the file name), images are re-encoded with
 * sharp (orientation applied, all metadata incl. GPS dropped) and get a 400 px WebP thumbnail, videos
 * lose their metadata boxes (location included), and everything is stored content-addressed; the
 * decoding runs through a small work queue with a pixel limit. Runs on the server only (sharp is native).
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { fileTypeFromFile } from "file-type";
import sharp, { type Metadata, type OutputInfo } from "sharp";
import { and, eq, media, type Database } from "@rapport/db";
import { MAX_IMAGE_BYTES, MAX_VIDEO_BYTES } from "../draft-schemas";
import { contentKey, type MediaStorage } from "../storage/index";
import { stripVideoMetadata, VideoMetadataError } from "./video-metadata";
import { BusyError, WorkQueue } from "./work-queue";

export { MAX_IMAGE_BYTES, MAX_VIDEO_BYTES } from "../draft-schemas";

/** A file we refuse, with a message for the person who picked it. */
export class MediaRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MediaRejectedError";
  }
}

const IMAGE_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/gif",
  "image/avif",
  "image/heic",
  "image/heif",
  "image/tiff",
]);
const VIDEO_TYPES = new Set(["video/mp4", "video/quicktime"]);
export const ACCEPTED_MEDIA_DESCRIPTION =
  "JPEG, PNG, WebP, GIF or AVIF images (up to 20 MB) or one MP4/MOV video (up to 200 MB)";
export const THUMBNAIL_SIZE = 400;
/** The most pixels an image may have: a 48-megapixel phone photo fits; a decompression bomb does not. */
export const MAX_IMAGE_PIXELS = 50_000_000;

/**
 * Image decoding and video rewriting, two at a time (this server has two cores), at most 12 waiting:
 * six 10,000 x 10,000 PNGs at once used to take 15 s, 922 MB and every thread the pool had.
 */
export const mediaWork = new WorkQueue(2, 12);
sharp.concurrency(1);

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

export type MediaRow = typeof media.$inferSelect;

export interface IngestInput {
  workspaceId: string;
  userId: string;
  /** Path of the uploaded file in a temporary folder; the caller removes it. */
  filePath: string;
  originalName: string | null;
}

interface Prepared {
  bytes: Buffer | null;
  sha256: string;
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  thumbnail: Buffer | null;
}

async function prepareImage(
  filePath: string,
  mime: string,
  size: number,
  name: string,
): Promise<Prepared> {
  if (size > MAX_IMAGE_BYTES)
    throw new MediaRejectedError(
      `${name} is ${mb(size)}; images can be at most ${mb(MAX_IMAGE_BYTES)}.`,
    );
  const animated = mime === "image/gif" || mime === "image/webp";
  // The header alone says how large the decoded picture would be: refuse before decoding anything.
  let header: Metadata;
  try {
    header = await sharp(filePath, { animated }).metadata();
  } catch {
    throw new MediaRejectedError(
      `We couldn't read ${name} as an image. Export it as JPEG or PNG and try again.`,
    );
  }
  const pixels =
    (header.width ?? 0) * (header.pageHeight ?? header.height ?? 0) * (header.pages ?? 1);
  if (pixels > MAX_IMAGE_PIXELS) {
    throw new MediaRejectedError(
      `${name} is ${header.width} x ${header.height} pixels${(header.pages ?? 1) > 1 ? ` over ${header.pages} frames` : ""}; images can have at most ${MAX_IMAGE_PIXELS / 1_000_000} million pixels. Resize it and try again.`,
    );
  }
  let out: { data: Buffer; info: OutputInfo };
  try {
    // No .withMetadata(): sharp drops EXIF (GPS included), XMP and IPTC; .rotate() bakes the orientation in first.
    const pipeline = sharp(filePath, { animated, limitInputPixels: MAX_IMAGE_PIXELS }).rotate();
    const encoded =
      mime === "image/png"
        ? pipeline.png()
        : mime === "image/gif"
          ? pipeline.gif()
          : mime === "image/webp"
            ? pipeline.webp({ quality: 90 })
            : pipeline.jpeg({ quality: 90, mozjpeg: true });
    out = await encoded.toBuffer({ resolveWithObject: true });
  } catch {
    throw new MediaRejectedError(
      `We couldn't read ${name} as an image. Export it as JPEG or PNG and try again.`,
    );
  }
  const storedMime =
    mime === "image/png" || mime === "image/gif" || mime === "image/webp" ? mime : "image/jpeg";
  const thumbnail = await sharp(out.data, { animated: false })
    .resize(THUMBNAIL_SIZE, THUMBNAIL_SIZE, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
  return {
    bytes: out.data,
    sha256: createHash("sha256").update(out.data).digest("hex"),
    mimeType: storedMime,
    byteSize: out.data.length,
    width: out.info.width,
    height: out.info.pageHeight ?? out.info.height,
    thumbnail,
  };
}

/** Videos keep their bytes except the metadata boxes (location included), which are blanked in place. */
async function prepareVideo(
  filePath: string,
  mime: string,
  size: number,
  name: string,
): Promise<Prepared> {
  try {
    await stripVideoMetadata(filePath);
  } catch (error) {
    if (!(error instanceof VideoMetadataError)) throw error;
    throw new MediaRejectedError(
      `We couldn't remove the metadata (location included) from ${name} because ${error.message}, so it was not stored. Export it again as MP4 and try again.`,
    );
  }
  return {
    bytes: null,
    sha256: await hashFile(filePath),
    mimeType: mime,
    byteSize: size,
    width: null,
    height: null,
    thumbnail: null,
  };
}

async function hashFile(filePath: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Checks, re-encodes and stores one uploaded file; returns its media row (existing when the bytes are known). */
export async function ingestMedia(
  db: Database,
  storage: MediaStorage,
  input: IngestInput,
): Promise<MediaRow> {
  const name = input.originalName ? `“${input.originalName}”` : "This file";
  const { size } = await stat(input.filePath);
  if (size === 0) throw new MediaRejectedError(`${name} is empty.`);
  const type = await fileTypeFromFile(input.filePath);
  if (!type || (!IMAGE_TYPES.has(type.mime) && !VIDEO_TYPES.has(type.mime))) {
    throw new MediaRejectedError(
      `${name} is not an image or video we accept (we read the file itself, not its name). Upload ${ACCEPTED_MEDIA_DESCRIPTION}.`,
    );
  }
  if (!IMAGE_TYPES.has(type.mime) && size > MAX_VIDEO_BYTES) {
    throw new MediaRejectedError(
      `${name} is ${mb(size)}; videos can be at most ${mb(MAX_VIDEO_BYTES)}.`,
    );
  }
  let prepared: Prepared;
  try {
    prepared = await mediaWork.run(() =>
      IMAGE_TYPES.has(type.mime)
        ? prepareImage(input.filePath, type.mime, size, name)
        : prepareVideo(input.filePath, type.mime, size, name),
    );
  } catch (error) {
    if (error instanceof BusyError)
      throw new MediaRejectedError(
        `Too many uploads are being processed right now, so ${name} was not stored. Try again in a minute.`,
      );
    throw error;
  }

  const [existing] = await db
    .select()
    .from(media)
    .where(and(eq(media.workspaceId, input.workspaceId), eq(media.sha256, prepared.sha256)));
  if (existing) return existing;

  const storageKey = contentKey(prepared.sha256);
  await storage.put(
    storageKey,
    prepared.bytes ?? createReadStream(input.filePath),
    prepared.mimeType,
  );
  let thumbnailKey: string | null = null;
  if (prepared.thumbnail) {
    thumbnailKey = contentKey(prepared.sha256, "thumb");
    await storage.put(thumbnailKey, prepared.thumbnail, "image/webp");
  }
  const [row] = await db
    .insert(media)
    .values({
      workspaceId: input.workspaceId,
      sha256: prepared.sha256,
      mimeType: prepared.mimeType,
      byteSize: prepared.byteSize,
      width: prepared.width,
      height: prepared.height,
      storageKey,
      thumbnailKey,
      originalName: input.originalName?.slice(0, 255) ?? null,
      createdBy: input.userId,
    })
    .onConflictDoNothing()
    .returning();
  if (row) return row;
  // A concurrent upload of the same bytes won the insert.
  const [raced] = await db
    .select()
    .from(media)
    .where(and(eq(media.workspaceId, input.workspaceId), eq(media.sha256, prepared.sha256)));
  if (!raced) throw new Error("Media row vanished after insert conflict.");
  return raced;
}
