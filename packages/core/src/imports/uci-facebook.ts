/**
 * The UCI "Facebook metrics" CSV (Moro et al. 2016): semicolon-separated, no dates (only month,
 * weekday and hour), page likes at posting time, and lifetime counts per post.
 */
import type { Post } from "../domain/post";
import type { ContentType, Format } from "../domain/vocabulary";
import { findColumn, isBlankRow, parseCount, readCsvRows } from "./cells";
import { fileError, runRows } from "./run-rows";
import type { ImportResult, RowParser } from "./types";

const UCI_COLUMNS = {
  followers: ["Page total likes"],
  type: ["Type"],
  category: ["Category"],
  month: ["Post Month"],
  weekday: ["Post Weekday"],
  hour: ["Post Hour"],
  paid: ["Paid"],
  reach: ["Lifetime Post Total Reach"],
  impressions: ["Lifetime Post Total Impressions"],
  engagedUsers: ["Lifetime Engaged Users"],
  clicks: ["Lifetime Post Consumers"],
  consumptions: ["Lifetime Post Consumptions"],
  comments: ["comment", "comments"],
  likes: ["like", "likes"],
  shares: ["share", "shares"],
  totalInteractions: ["Total Interactions"],
} as const;
type UciColumn = keyof typeof UCI_COLUMNS;

/** Category 1 action (offers, contests), 2 product, 3 inspiration (non-explicit brand content). */
const CATEGORY_TO_TYPE: Record<string, ContentType> = { "1": "offer", "2": "product", "3": "uncurated-lifestyle" };
const TYPE_TO_FORMAT: Record<string, Format> = { photo: "single-image", status: "text", link: "text", video: "video" };

export interface UciRowParser extends RowParser {
  headerError: string | null;
}

export function createUciRowParser(headers: readonly string[]): UciRowParser {
  const idx = {} as Record<UciColumn, number>;
  for (const [k, aliases] of Object.entries(UCI_COLUMNS) as [UciColumn, readonly string[]][]) idx[k] = findColumn(headers, aliases);
  const required: UciColumn[] = ["followers", "type", "weekday", "hour", "likes", "comments", "shares"];
  const missing = required.filter((k) => idx[k] < 0);
  const headerError = missing.length ? `Not the UCI Facebook metrics layout: missing ${missing.map((k) => UCI_COLUMNS[k][0]).join(", ")}.` : null;
  return {
    headerError,
    parseRow(cells, rowNumber) {
      if (headerError) return { ok: false, reason: headerError };
      if (isBlankRow(cells)) return { ok: "skip" };
      const raw = (k: UciColumn) => (idx[k] >= 0 ? cells[idx[k]] : undefined);
      const num = (k: UciColumn) => parseCount(raw(k));
      const counts: Partial<Record<UciColumn, number>> = {};
      for (const k of Object.keys(UCI_COLUMNS) as UciColumn[]) {
        if (k === "type") continue;
        const v = num(k);
        if (v === "negative") return { ok: false, reason: `${UCI_COLUMNS[k][0]} ${(raw(k) ?? "").trim()} is negative: counts can't be below zero` };
        if (v === "invalid") return { ok: false, reason: `${UCI_COLUMNS[k][0]} "${raw(k)}" is not a number` };
        if (v !== undefined) counts[k] = v;
      }
      const weekday = counts.weekday;
      const hour = counts.hour;
      if (weekday === undefined || weekday < 1 || weekday > 7) return { ok: false, reason: "Post Weekday must be 1-7" };
      if (hour === undefined || hour > 23) return { ok: false, reason: "Post Hour must be 0-23" };
      const month = counts.month !== undefined && counts.month >= 1 && counts.month <= 12 ? counts.month : null;
      const type = (raw("type") ?? "").trim();
      const post: Post = {
        id: `uci-${rowNumber}`,
        platform: "facebook",
        // The file numbers weekdays 1-7; kept in order with 1 as the first day of the week.
        slot: { weekday: weekday - 1, hour, month },
        format: TYPE_TO_FORMAT[type.toLowerCase()] ?? null,
        contentType: counts.category !== undefined ? (CATEGORY_TO_TYPE[String(counts.category)] ?? null) : null,
        hasLink: type.toLowerCase() === "link",
        paid: counts.paid !== undefined ? counts.paid === 1 : null,
        followers: counts.followers ?? null,
        reach: counts.reach ?? null,
        impressions: counts.impressions ?? null,
        likes: counts.likes ?? null,
        comments: counts.comments ?? null,
        shares: counts.shares ?? null,
        clicks: counts.clicks ?? null,
        // The file's own totals, kept as reported (for display and evaluation), not recomputed.
        extra: {
          type,
          category: String(counts.category ?? ""),
          ...(month !== null ? { month: String(month) } : {}),
          ...(counts.totalInteractions !== undefined ? { totalInteractions: String(counts.totalInteractions) } : {}),
          ...(counts.engagedUsers !== undefined ? { engagedUsers: String(counts.engagedUsers) } : {}),
        },
      };
      return { ok: true, post };
    },
  };
}

/** Whole-file parse of the UCI Facebook metrics CSV; posts keep file order (newest first). */
export function parseUciFacebookCsv(text: string): ImportResult {
  try {
    if (typeof text !== "string") return fileError("The file is not text.");
    const { rows, error } = readCsvRows(text, ";");
    if (error) return fileError(error);
    const headerIndex = rows.findIndex((r) => !isBlankRow(r));
    if (headerIndex < 0) return fileError("The file is empty.");
    const parser = createUciRowParser(rows[headerIndex] as string[]);
    if (parser.headerError) return fileError(parser.headerError);
    return runRows(rows.slice(headerIndex + 1), parser, headerIndex + 2);
  } catch (e) {
    return fileError(e instanceof Error ? e.message : "Could not read the file.");
  }
}
