/**
 * Meta Business Suite post exports (Instagram and Facebook variants): headers matched by alias,
 * counts with thousands separators, "MM/DD/YYYY HH:MM" publish times in the page's time zone.
 */
import type { Platform } from "../domain/vocabulary";
import { findColumn, isBlankRow, readCsvRows } from "./cells";
import type { MappableField } from "./field-parser";
import { createFieldRowParser, formatFromLabel } from "./field-parser";
import { fileError, runRows } from "./run-rows";
import type { ImportResult, RowParser } from "./types";

/** Header aliases per field, in order of preference (both variants and older export names). */
export const META_HEADER_ALIASES: Record<MappableField, readonly string[]> = {
  id: ["Post ID", "Media ID", "ID"],
  publishedAt: ["Publish time", "Published time", "Posted", "Post time", "Created time"],
  caption: ["Description", "Caption", "Post message", "Message", "Title"],
  format: ["Post type", "Media type", "Type"],
  contentType: ["Content type"],
  paid: ["Paid", "Boosted"],
  likes: ["Likes", "Reactions", "Post reactions"],
  comments: ["Comments", "Post comments"],
  shares: ["Shares", "Post shares"],
  saves: ["Saves", "Saved"],
  reach: ["Reach", "Accounts reached", "Post reach", "Lifetime Post Total Reach"],
  impressions: ["Impressions", "Post impressions", "Lifetime Post Total Impressions"],
  views: ["Views", "Plays", "Video views", "3-second video views"],
  followers: ["Followers", "Page followers", "Followers at posting time"],
  clicks: ["Total clicks", "Post clicks", "Clicks"],
  mediaCount: ["Media count", "Number of media"],
};

export interface MetaCsvOptions {
  /** IANA zone the export's times are in (the page's own time zone). */
  timeZone: string;
  /** Forces the variant; otherwise guessed from the headers. */
  platform?: Platform;
}

export interface MetaRowParser extends RowParser {
  platform: Platform;
  /** Fields found, by header. */
  columns: Partial<Record<MappableField, number>>;
  /** Why the header cannot be used (no publish time or no count column), or null. */
  headerError: string | null;
}

/** Guesses the variant: Instagram exports name an "Account username", Facebook ones a "Page". */
export function detectMetaPlatform(headers: readonly string[]): Platform {
  if (findColumn(headers, ["Account username", "Saves", "IG media type"]) >= 0) return "instagram";
  if (findColumn(headers, ["Page ID", "Page name", "Reactions, comments and shares", "Reactions"]) >= 0) return "facebook";
  return "instagram";
}

function metaFormat(label: string) {
  const l = label.toLowerCase();
  if (/^ig image|^photos?$/.test(l)) return "single-image" as const;
  return formatFromLabel(l);
}

/** Row-at-a-time parser for streaming imports: build it from the header row, feed it rows. */
export function createMetaCsvRowParser(headers: readonly string[], options: MetaCsvOptions): MetaRowParser {
  const platform = options.platform ?? detectMetaPlatform(headers);
  const columns: Partial<Record<MappableField, number>> = {};
  const labels: Partial<Record<MappableField, string>> = {};
  for (const [field, aliases] of Object.entries(META_HEADER_ALIASES) as [MappableField, readonly string[]][]) {
    const i = findColumn(headers, aliases);
    if (i >= 0) {
      columns[field] = i;
      labels[field] = (headers[i] ?? field).trim();
    }
  }
  let headerError: string | null = null;
  if (columns.publishedAt === undefined) headerError = 'No publish time column (looked for "Publish time").';
  else if (!["likes", "comments", "shares", "saves", "reach", "impressions", "views"].some((f) => columns[f as MappableField] !== undefined))
    headerError = "No count columns (likes, comments, shares, reach...) were found.";
  const inner = createFieldRowParser({ columns, labels, platform, timeZone: options.timeZone, dateFormat: "MM/DD/YYYY HH:MM", formatOf: metaFormat });
  return {
    platform,
    columns,
    headerError,
    parseRow(cells, rowNumber) {
      if (headerError) return { ok: false, reason: headerError };
      const first = cells[columns.publishedAt as number]?.trim() ?? "";
      // Some exports add a second header-like row ("Lifetime") under the header; skip it quietly.
      if (/^(lifetime|daily)$/i.test(first)) return { ok: "skip" };
      return inner.parseRow(cells, rowNumber);
    },
  };
}

/** Whole-file parse of a Meta Business Suite CSV export; never throws. */
export function parseMetaBusinessSuiteCsv(text: string, options: MetaCsvOptions): ImportResult {
  try {
    if (typeof text !== "string") return fileError("The file is not text.");
    const { rows, error } = readCsvRows(text);
    if (error) return fileError(error);
    const headerIndex = rows.findIndex((r) => !isBlankRow(r));
    if (headerIndex < 0) return fileError("The file is empty.");
    const parser = createMetaCsvRowParser(rows[headerIndex] as string[], options);
    if (parser.headerError) return fileError(parser.headerError);
    return runRows(rows.slice(headerIndex + 1), parser, headerIndex + 2);
  } catch (e) {
    return fileError(e instanceof Error ? e.message : "Could not read the file.");
  }
}
