/**
 * Cell-level parsing shared by every importer: counts with thousands separators, dates in the
 * formats the exports use (read in the profile's time zone), and header aliases.
 */
import Papa from "papaparse";
import { fromLocalTime } from "../timing/time-zone";

/**
 * Empty cells are missing (undefined); "negative" is a number below zero (no count can be), "invalid"
 * anything else that is not a count.
 */
export function parseCount(cell: string | undefined): number | undefined | "invalid" | "negative" {
  if (cell === undefined) return undefined;
  const t = cell.trim();
  if (t === "" || t === "-" || t.toLowerCase() === "n/a" || t.toLowerCase() === "null") return undefined;
  const cleaned = t.replace(/[\s\u00a0\u202f,']/g, "");
  if (/^[-\u2212]\d+(\.\d+)?$/.test(cleaned)) return "negative";
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return "invalid";
  const v = Number(cleaned);
  return Number.isFinite(v) ? v : "invalid";
}

export const DATE_FORMATS = ["iso", "MM/DD/YYYY HH:MM", "DD/MM/YYYY HH:MM", "YYYY-MM-DD HH:MM", "unix-seconds"] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

/** Parses a date cell to an ISO instant; local formats are read in `timeZone`. Null when it does not parse. */
export function parseDateCell(cell: string, format: DateFormat, timeZone: string): string | null {
  const t = cell.trim();
  if (!t) return null;
  if (format === "unix-seconds") {
    const s = Number(t);
    return Number.isFinite(s) && s > 0 ? new Date(s * 1000).toISOString() : null;
  }
  if (format === "iso") {
    if (!/^\d{4}-\d{2}-\d{2}/.test(t)) return null;
    if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(t)) {
      const ms = Date.parse(t);
      return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
    }
    return parseDateCell(t.replace("T", " ").slice(0, 16), "YYYY-MM-DD HH:MM", timeZone);
  }
  let m: RegExpMatchArray | null;
  let year: number;
  let month: number;
  let day: number;
  if (format === "YYYY-MM-DD HH:MM") {
    m = t.match(/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?/);
    if (!m) return null;
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else {
    m = t.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:,?\s+(\d{1,2}):(\d{2}))?/);
    if (!m) return null;
    year = Number(m[3]);
    month = Number(format === "MM/DD/YYYY HH:MM" ? m[1] : m[2]);
    day = Number(format === "MM/DD/YYYY HH:MM" ? m[2] : m[1]);
  }
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  const ms = fromLocalTime({ year, month, day, hour, minute }, timeZone);
  return ms === null ? null : new Date(ms).toISOString();
}

/** Lower-case, accents and punctuation folded, so "Publish time" matches "publish_time". */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\ufeff/, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Index of the first header matching any alias, or -1. */
export function findColumn(headers: readonly string[], aliases: readonly string[]): number {
  const norm = headers.map(normalizeHeader);
  for (const a of aliases) {
    const i = norm.indexOf(normalizeHeader(a));
    if (i >= 0) return i;
  }
  return -1;
}

/** Splits CSV text into rows of cells; never throws. */
export function readCsvRows(text: string, delimiter?: string): { rows: string[][]; error: string | null } {
  try {
    const result = Papa.parse<string[]>(text.replace(/^\ufeff/, ""), {
      delimiter: delimiter ?? "",
      skipEmptyLines: false,
    });
    return { rows: result.data.map((r) => (Array.isArray(r) ? r.map((c) => String(c ?? "")) : [])), error: null };
  } catch (e) {
    return { rows: [], error: e instanceof Error ? e.message : "could not read the file as CSV" };
  }
}

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === "");
}
