/**
 * Instagram "Download your information" posts JSON: captions and dates only (no counts), with the
 * export's double-encoded UTF-8 repaired ("cafÃ©" back to "café").
 */
import type { Post } from "../domain/post";
import { fileError } from "./run-rows";
import type { ImportResult } from "./types";
import { fingerprint } from "./fingerprint";

/** Decodes UTF-8 bytes; null when they are not valid UTF-8. */
function decodeUtf8(bytes: readonly number[]): string | null {
  let out = "";
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] as number;
    let cp: number;
    let extra: number;
    if (b0 < 0x80) {
      cp = b0;
      extra = 0;
    } else if (b0 >= 0xc2 && b0 < 0xe0) {
      cp = b0 & 0x1f;
      extra = 1;
    } else if (b0 >= 0xe0 && b0 < 0xf0) {
      cp = b0 & 0x0f;
      extra = 2;
    } else if (b0 >= 0xf0 && b0 < 0xf5) {
      cp = b0 & 0x07;
      extra = 3;
    } else return null;
    for (let k = 1; k <= extra; k++) {
      const b = bytes[i + k];
      if (b === undefined || (b & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (b & 0x3f);
    }
    if ((extra === 2 && cp < 0x800) || (extra === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    out += String.fromCodePoint(cp);
    i += extra + 1;
  }
  return out;
}

/**
 * Repairs text whose UTF-8 bytes were read as Latin-1 (each byte became one character). Left as is
 * when any character is above U+00FF or the bytes are not valid UTF-8, so clean text is never harmed.
 */
export function repairDoubleEncodedUtf8(text: string): string {
  if (!/[\u0080-\u00ff]/.test(text)) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return text;
    bytes.push(c);
  }
  return decodeUtf8(bytes) ?? text;
}

interface IgMedia {
  uri?: unknown;
  creation_timestamp?: unknown;
  title?: unknown;
}


/**
 * The export carries no post id. A post is keyed on what stays the same in every later export: its
 * creation time and its first media file's path (or its caption when it has no media), never its
 * position in the file, so a new post at the top does not make every older post look new.
 */
export function instagramPostKey(timestamp: number, firstMediaUri: string | null, caption: string): string {
  return `ig-${timestamp}-${fingerprint(firstMediaUri ?? `caption:${caption}`)}`;
}

function asRecord(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

/** Accepts the file's text or its parsed JSON (an array of posts, or an object holding one). */
export function parseInstagramPostsJson(input: unknown): ImportResult {
  try {
    let data: unknown = input;
    if (typeof input === "string") {
      try {
        data = JSON.parse(input);
      } catch {
        return fileError("The file is not valid JSON.");
      }
    }
    let items: unknown[] | null = Array.isArray(data) ? data : null;
    const obj = asRecord(data);
    if (!items && obj) {
      for (const key of ["ig_posts", "posts", "ig_reels_media", "ig_stories"]) {
        if (Array.isArray(obj[key])) {
          items = obj[key] as unknown[];
          break;
        }
      }
    }
    if (!items) return fileError("No list of posts found in this JSON (expected the contents of posts_1.json).");
    const result: ImportResult = { posts: [], rejected: [] };
    items.forEach((item, i) => {
      const row = i + 1;
      const rec = asRecord(item);
      if (!rec) {
        result.rejected.push({ row, reason: "Not a post object." });
        return;
      }
      const media = Array.isArray(rec.media) ? (rec.media.map(asRecord).filter((m) => m !== null) as IgMedia[]) : [];
      const first = media[0];
      const ts = typeof rec.creation_timestamp === "number" ? rec.creation_timestamp : typeof first?.creation_timestamp === "number" ? first.creation_timestamp : null;
      if (ts === null || !Number.isFinite(ts) || ts <= 0) {
        result.rejected.push({ row, reason: "No creation date." });
        return;
      }
      const rawTitle = typeof rec.title === "string" && rec.title ? rec.title : typeof first?.title === "string" ? first.title : "";
      const isVideo = media.some((m) => typeof m.uri === "string" && /\.(mp4|mov|webm)$/i.test(m.uri));
      const post: Post = {
        id: instagramPostKey(ts, typeof first?.uri === "string" && first.uri ? first.uri : null, rawTitle),
        platform: "instagram",
        publishedAt: new Date(ts * 1000).toISOString(),
        caption: rawTitle ? repairDoubleEncodedUtf8(rawTitle) : null,
        format: media.length > 1 ? "carousel" : isVideo ? "video" : "single-image",
        mediaCount: media.length || null,
      };
      result.posts.push(post);
    });
    return result;
  } catch (e) {
    return fileError(e instanceof Error ? e.message : "Could not read the file.");
  }
}
