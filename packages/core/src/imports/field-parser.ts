/**
 * A row parser driven by a field-to-column map: the Meta Business Suite importer and the mapped
 * CSV importer are both this, with different ways of finding the columns.
 */
import type { Post } from "../domain/post";
import type { ContentType, Format, Platform } from "../domain/vocabulary";
import { CONTENT_TYPES, FORMATS } from "../domain/vocabulary";
import type { DateFormat } from "./cells";
import { parseCount, parseDateCell } from "./cells";
import type { RowParser, RowResult } from "./types";
import { fingerprint } from "./fingerprint";

export const COUNT_FIELDS = ["likes", "comments", "shares", "saves", "reach", "impressions", "views", "followers", "clicks", "mediaCount"] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export const TEXT_FIELDS = ["id", "publishedAt", "caption", "format", "contentType", "paid"] as const;
export type MappableField = CountField | (typeof TEXT_FIELDS)[number];

export interface FieldParserOptions {
  columns: Partial<Record<MappableField, number>>;
  platform: Platform;
  timeZone: string;
  dateFormat: DateFormat;
  /** Maps a source's post-type label (lower case) to a format. */
  formatOf?: (label: string) => Format | null;
  /** Column labels for messages, by field. */
  labels?: Partial<Record<MappableField, string>>;
  /** Require a parsable date (default true). */
  requireDate?: boolean;
}

const FORMAT_WORDS: [RegExp, Format][] = [
  [/carousel|album/, "carousel"],
  [/reel|video|clip/, "video"],
  [/story|stories/, "story"],
  [/text|status|link/, "text"],
  [/image|photo|picture/, "single-image"],
];

export function formatFromLabel(label: string): Format | null {
  const l = label.toLowerCase().trim();
  if ((FORMATS as readonly string[]).includes(l)) return l as Format;
  for (const [re, f] of FORMAT_WORDS) if (re.test(l)) return f;
  return null;
}

export function createFieldRowParser(options: FieldParserOptions): RowParser {
  const { columns, platform, timeZone, dateFormat } = options;
  const formatOf = options.formatOf ?? formatFromLabel;
  const requireDate = options.requireDate ?? true;
  const label = (f: MappableField) => options.labels?.[f] ?? f;
  return {
    parseRow(cells: readonly string[]): RowResult {
      if (cells.every((c) => c.trim() === "")) return { ok: "skip" };
      const cell = (f: MappableField): string | undefined => {
        const i = columns[f];
        return i === undefined || i < 0 ? undefined : cells[i];
      };
      // A post is keyed on its id across imports; a row number would make a different post on the
      // same row of a later file overwrite this one. A file with no id column at all (a person's own
      // sheet) keys each post on its content instead: its publish time and caption, the same in every
      // later copy of the sheet. An id column with an empty cell refuses that row.
      const hasIdColumn = columns.id !== undefined && columns.id >= 0;
      const id = (cell("id") ?? "").trim();
      if (hasIdColumn && !id) {
        return {
          ok: false,
          reason: `${label("id")} is empty: each post needs its id so a later import updates it instead of adding it again`,
        };
      }
      const post: Post = { id, platform };
      const dateCell = cell("publishedAt");
      if (dateCell !== undefined && dateCell.trim() !== "") {
        const iso = parseDateCell(dateCell, dateFormat, timeZone);
        if (!iso) return { ok: false, reason: `${label("publishedAt")} "${dateCell.trim()}" is not a date in the ${dateFormat} format` };
        post.publishedAt = iso;
      } else if (requireDate) {
        return { ok: false, reason: `${label("publishedAt")} is empty` };
      }
      for (const f of COUNT_FIELDS) {
        const v = parseCount(cell(f));
        if (v === "negative") return { ok: false, reason: `${label(f)} ${(cell(f) ?? "").trim()} is negative: counts can't be below zero` };
        if (v === "invalid") return { ok: false, reason: `${label(f)} "${(cell(f) ?? "").trim()}" is not a number` };
        if (v !== undefined) post[f] = v;
      }
      const caption = cell("caption");
      if (caption !== undefined && caption.trim() !== "") post.caption = caption;
      if (!hasIdColumn) {
        if (!post.publishedAt) {
          return {
            ok: false,
            reason: `No post id column and no ${label("publishedAt")}: a post is matched on its publish time and caption when the file has no ids`,
          };
        }
        post.id = `content-${Date.parse(post.publishedAt)}-${fingerprint((post.caption ?? "").trim())}`;
      }
      const fmt = cell("format");
      if (fmt !== undefined && fmt.trim() !== "") {
        const f = formatOf(fmt);
        if (f) post.format = f;
        if (/link/i.test(fmt)) post.hasLink = true;
      }
      const ct = cell("contentType");
      if (ct !== undefined && ct.trim() !== "") {
        const norm = ct.trim().toLowerCase().replace(/[\s/_]+/g, "-");
        const found = CONTENT_TYPES.find((t) => t === norm || norm.startsWith(t));
        if (found) post.contentType = found as ContentType;
      }
      const paid = cell("paid");
      if (paid !== undefined && paid.trim() !== "") post.paid = /^(1|true|yes|paid|y)$/i.test(paid.trim());
      return { ok: true, post };
    },
  };
}
