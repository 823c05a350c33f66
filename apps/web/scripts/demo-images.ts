/**
 * Example images for the demo's planned posts: soft two-colour gradients written as PNG with
 * node:zlib only (no image library in the seed). They go through the same media ingest as an upload.
 */
import { crc32, deflateSync } from "node:zlib";

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

type Rgb = readonly [number, number, number];

/** A `size` x `size` PNG fading diagonally from `from` to `to`, with a lighter disc in the middle. */
export function gradientPng(from: Rgb, to: Rgb, size = 480): Buffer {
  const rows: Buffer[] = [];
  const r0 = size * 0.28;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const t = (x + y) / (2 * (size - 1));
      const d = Math.hypot(x - size / 2, y - size / 2);
      const light = d < r0 ? 0.35 : 0;
      for (let c = 0; c < 3; c++) {
        const v = from[c]! + (to[c]! - from[c]!) * t;
        row[1 + x * 3 + c] = Math.round(v + (255 - v) * light);
      }
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
