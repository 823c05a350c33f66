/**
 * Removes the metadata of an MP4 / MOV file in place: every `udta`, `meta` and `uuid` box (where
 * cameras and phones write the location, ©xyz or com.apple.quicktime.location.ISO6709, and XMP) is
 * turned into a `free` box of the same size with its bytes zeroed. Sizes and offsets stay valid, so
 * the video plays exactly as before. Only box headers and the `moov` box are read, never the media.
 *
 * The walk is our own and reads nothing but sizes and types: a full parser (mp4box was tried) reads
 * counts from the file and, on a crafted `keys` box, grew an array until V8 aborted the process.
 * Descending only into the ISO BMFF container boxes, with bounds checked, cannot be made to allocate.
 */
import { open, type FileHandle } from "node:fs/promises";

/** Boxes that carry metadata rather than media. */
const METADATA_BOXES = new Set(["udta", "meta", "uuid"]);
/** A movie header this large is not a phone's or a camera's: refused rather than read into memory. */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;

export class VideoMetadataError extends Error {}

interface Span {
  offset: number;
  size: number;
  headerSize: number;
}

async function readHeader(
  fh: FileHandle,
  offset: number,
  fileSize: number,
): Promise<(Span & { type: string }) | null> {
  if (offset + 8 > fileSize) return null;
  const head = Buffer.alloc(16);
  await fh.read(head, 0, 16, offset);
  let size = head.readUInt32BE(0);
  const type = head.toString("latin1", 4, 8);
  let headerSize = 8;
  if (size === 1) {
    size = Number(head.readBigUInt64BE(8));
    headerSize = 16;
  } else if (size === 0) {
    size = fileSize - offset;
  }
  if (size < headerSize || offset + size > fileSize)
    throw new VideoMetadataError("a box runs past the end of the file");
  return { offset, size, headerSize, type };
}

/** Boxes made only of other boxes (ISO/IEC 14496-12), which the walk descends into. */
const CONTAINERS = new Set([
  "moov",
  "trak",
  "mdia",
  "minf",
  "stbl",
  "edts",
  "dinf",
  "mvex",
  "moof",
  "traf",
  "tref",
]);
const MAX_DEPTH = 12;

/** Collects the metadata boxes among `bytes[from, to)`, a run of boxes inside `moov` (at file offset `base`). */
function metadataInside(
  bytes: Buffer,
  from: number,
  to: number,
  base: number,
  out: Span[],
  depth = 0,
) {
  if (depth > MAX_DEPTH) throw new VideoMetadataError("its boxes are nested too deeply");
  for (let at = from; at + 8 <= to;) {
    let size = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    let headerSize = 8;
    if (size === 1) {
      if (at + 16 > to) throw new VideoMetadataError("a box header is cut short");
      size = Number(bytes.readBigUInt64BE(at + 8));
      headerSize = 16;
    } else if (size === 0) {
      size = to - at;
    }
    if (size < headerSize || at + size > to)
      throw new VideoMetadataError("a box runs past the end of its parent");
    if (METADATA_BOXES.has(type)) out.push({ offset: base + at, size, headerSize });
    else if (CONTAINERS.has(type))
      metadataInside(bytes, at + headerSize, at + size, base, out, depth + 1);
    at += size;
  }
}

async function neutralize(fh: FileHandle, span: Span) {
  await fh.write(Buffer.from("free", "latin1"), 0, 4, span.offset + 4);
  const zeros = Buffer.alloc(Math.min(span.size - span.headerSize, 1024 * 1024));
  for (let at = span.offset + span.headerSize; at < span.offset + span.size; at += zeros.length) {
    await fh.write(zeros, 0, Math.min(zeros.length, span.offset + span.size - at), at);
  }
}

/** Strips the file's metadata boxes in place; returns how many were removed. Throws VideoMetadataError when the structure can't be read. */
export async function stripVideoMetadata(filePath: string): Promise<number> {
  const fh = await open(filePath, "r+");
  try {
    const { size: fileSize } = await fh.stat();
    const found: Span[] = [];
    let sawMoov = false;
    for (let offset = 0; ;) {
      const box = await readHeader(fh, offset, fileSize);
      if (!box) break;
      if (METADATA_BOXES.has(box.type)) found.push(box);
      if (box.type === "moov") {
        sawMoov = true;
        if (box.size > MAX_MOOV_BYTES)
          throw new VideoMetadataError("its movie header is unusually large");
        const bytes = Buffer.alloc(box.size);
        await fh.read(bytes, 0, box.size, box.offset);
        metadataInside(bytes, box.headerSize, box.size, box.offset, found);
      }
      offset += box.size;
    }
    if (!sawMoov) throw new VideoMetadataError("it has no movie header");
    for (const span of found) await neutralize(fh, span);
    return found.length;
  } catch (error) {
    if (error instanceof VideoMetadataError) throw error;
    throw new VideoMetadataError(
      error instanceof Error ? error.message : "its structure could not be read",
    );
  } finally {
    await fh.close();
  }
}
