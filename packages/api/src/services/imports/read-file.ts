/**
 * Reads an uploaded file as a stream, one row at a time, through core's row parsers: memory stays
 * flat whatever the file size. Yields each row's outcome and the bytes read so far.
 */
import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { parse } from "csv-parse";
import {
  ColumnMappingSchema,
  createMappedCsvRowParser,
  createMetaCsvRowParser,
  createUciRowParser,
  findColumn,
  followerSnapshotProblem,
  postProblem,
  isBlankRow,
  parseCount,
  parseInstagramPostsJson,
  type ColumnMapping,
  type FollowerSnapshot,
  type Platform,
  type Post,
  type RowParser,
  withRowLimits,
} from "@rapport/core";
import type { ImportKind } from "@rapport/db";

export type RowOutcome<T> = { ok: true; item: T } | { ok: false; reason: string } | { ok: "skip" };
export interface ReadRow<T> {
  row: number;
  outcome: RowOutcome<T>;
  bytes: number;
}

export interface ReadOptions {
  timeZone: string;
  platform: Platform;
  mapping?: ColumnMapping | null;
}

/** A problem with the whole file (not one row): the import stops with this message. */
export class ImportFileError extends Error {}

/** The Instagram export is one JSON document; it is small (captions and dates), so it is read whole. */
const MAX_JSON_BYTES = 50 * 1024 * 1024;

async function sniffDelimiter(path: string): Promise<string> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const firstLine = buf.subarray(0, bytesRead).toString("utf8").split(/\r?\n/)[0] ?? "";
    const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
    counts.sort((a, b) => b[1] - a[1]);
    return counts[0]![1] > 0 ? counts[0]![0] : ",";
  } finally {
    await fh.close();
  }
}

/** The longest row: a caption is at most 63,206 characters, so a row past this is not an export. */
export const MAX_ROW_CHARS = 1_000_000;
/** The longest cell, with room for the longest caption any platform allows. */
export const MAX_CELL_CHARS = 100_000;
/** Rows read from one file (blank ones included): several years of daily posting on many profiles. */
export const MAX_FILE_ROWS = 500_000;
/** How long the parser may hold the event loop before it lets other requests run. */
const YIELD_EVERY_MS = 15;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

async function* csvRows(path: string, delimiter: string): AsyncGenerator<{ cells: string[]; row: number; bytes: number }> {
  let bytes = 0;
  // Small chunks: csv-parse parses a chunk synchronously, so its size bounds how long one step holds
  // the event loop (64 KB of one-character cells is ~0.1 s).
  const stream = createReadStream(path, { highWaterMark: 64 * 1024 });
  stream.on("data", (chunk) => {
    bytes += chunk.length;
  });
  const parser = stream.pipe(
    // csv-parse is quadratic on runs of empty records, so empty lines are skipped by the parser and
    // counted back from its `info` to keep row numbers as a spreadsheet shows them.
    parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, max_record_size: MAX_ROW_CHARS }),
  );
  let row = 0;
  let since = Date.now();
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number; empty_lines: number } }>) {
      row = info.records + info.empty_lines;
      if (row > MAX_FILE_ROWS + 1) {
        throw new ImportFileError(`The file has more than ${MAX_FILE_ROWS.toLocaleString("en")} rows (blank ones count too). Split it into smaller files and import each.`);
      }
      if (Date.now() - since > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        since = Date.now();
      }
      yield { cells: record, row, bytes };
    }
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    if (e && typeof e === "object" && (e as { code?: string }).code === "CSV_MAX_RECORD_SIZE") {
      throw new ImportFileError(`Row ${row + 1} is longer than ${MAX_ROW_CHARS.toLocaleString("en")} characters, so this is not a posts export. Check you picked the right file.`);
    }
    throw new ImportFileError(`The file could not be read as CSV near row ${row + 1}: ${e instanceof Error ? e.message.replace(/^Invalid Record Length: /, "") : "unknown error"}.`);
  } finally {
    stream.destroy();
  }
}

/** A row with a cell longer than any export writes is refused on its own, with the column it is in. */
function oversizedCell(cells: readonly string[]): string | null {
  const i = cells.findIndex((c) => c.length > MAX_CELL_CHARS);
  return i < 0 ? null : `Cell ${i + 1} of this row is longer than ${MAX_CELL_CHARS.toLocaleString("en")} characters`;
}

function postParserFor(kind: ImportKind, headers: string[], options: ReadOptions): RowParser & { headerError: string | null } {
  if (kind === "uci-csv") return createUciRowParser(headers);
  if (kind === "meta-csv") return createMetaCsvRowParser(headers, { timeZone: options.timeZone, platform: options.platform });
  const parsed = ColumnMappingSchema.safeParse(options.mapping ?? null);
  if (!parsed.success) return { headerError: "Choose which column holds which field first.", parseRow: () => ({ ok: false, reason: "no mapping" }) };
  const p = createMappedCsvRowParser(headers, parsed.data);
  return { headerError: p.missingHeaders.length ? `These mapped columns are not in the file: ${p.missingHeaders.join(", ")}.` : null, parseRow: p.parseRow };
}

/** Posts from a CSV or the Instagram JSON, row by row. */
export async function* readPosts(path: string, kind: Exclude<ImportKind, "followers-csv">, options: ReadOptions): AsyncGenerator<ReadRow<Post>> {
  if (kind === "instagram-json") {
    const size = (await stat(path)).size;
    if (size > MAX_JSON_BYTES) throw new ImportFileError("This JSON file is larger than 50 MB; the Instagram posts file (posts_1.json) is much smaller. Check you picked the right file.");
    const { readFile } = await import("node:fs/promises");
    const result = parseInstagramPostsJson(await readFile(path, "utf8"));
    const fileLevel = result.rejected.find((r) => r.row === 0);
    if (fileLevel) throw new ImportFileError(fileLevel.reason);
    const now = new Date();
    const rows: ReadRow<Post>[] = [
      ...result.posts.map((p, i) => {
        const problem = postProblem(p, now);
        const outcome: RowOutcome<Post> = problem ? { ok: false, reason: problem } : { ok: true, item: p };
        return { row: i + 1, outcome, bytes: size };
      }),
      ...result.rejected.map((r) => ({ row: r.row, outcome: { ok: false as const, reason: r.reason }, bytes: size })),
    ];
    yield* rows;
    return;
  }
  const now = new Date();
  const delimiter = kind === "uci-csv" ? ";" : (options.mapping?.delimiter || (await sniffDelimiter(path)));
  let parser: (RowParser & { headerError: string | null }) | null = null;
  for await (const { cells, row, bytes } of csvRows(path, delimiter)) {
    if (!parser) {
      if (isBlankRow(cells)) continue;
      const inner = postParserFor(kind, cells, options);
      parser = { ...withRowLimits(inner, now), headerError: inner.headerError };
      if (parser.headerError) throw new ImportFileError(parser.headerError);
      continue;
    }
    let outcome: RowOutcome<Post>;
    const tooLong = oversizedCell(cells);
    if (tooLong) {
      yield { row, outcome: { ok: false, reason: tooLong }, bytes };
      continue;
    }
    try {
      const r = parser.parseRow(cells, row);
      outcome = r.ok === true ? { ok: true, item: r.post } : r.ok === false ? { ok: false, reason: r.reason } : { ok: "skip" };
    } catch (e) {
      outcome = { ok: false, reason: e instanceof Error ? e.message : "could not read this row" };
    }
    yield { row, outcome, bytes };
  }
  if (!parser) throw new ImportFileError("The file is empty.");
}

const DATE_ALIASES = ["Date", "Day", "Datum"];
const FOLLOWER_ALIASES = ["Followers", "Follower count", "Total followers", "Page likes", "Fans"];

/** A follower-history CSV: one row per day with a date (YYYY-MM-DD) and the follower count. */
export async function* readFollowerSnapshots(path: string): AsyncGenerator<ReadRow<FollowerSnapshot>> {
  const now = new Date();
  const delimiter = await sniffDelimiter(path);
  let cols: { date: number; followers: number } | null = null;
  for await (const { cells, row, bytes } of csvRows(path, delimiter)) {
    if (!cols) {
      if (isBlankRow(cells)) continue;
      const date = findColumn(cells, DATE_ALIASES);
      const followers = findColumn(cells, FOLLOWER_ALIASES);
      if (date < 0 || followers < 0) throw new ImportFileError('A follower history needs a "Date" column and a "Followers" column.');
      cols = { date, followers };
      continue;
    }
    if (isBlankRow(cells)) {
      yield { row, outcome: { ok: "skip" }, bytes };
      continue;
    }
    const d = (cells[cols.date] ?? "").trim();
    const f = parseCount(cells[cols.followers]);
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
    if (!valid) yield { row, outcome: { ok: false, reason: `Date "${d}" is not a date like 2026-03-31` }, bytes };
    else if (f === "negative") yield { row, outcome: { ok: false, reason: `Followers ${(cells[cols.followers] ?? "").trim()} is negative: a follower count can't be below zero` }, bytes };
    else if (f === undefined || f === "invalid") yield { row, outcome: { ok: false, reason: `Followers "${(cells[cols.followers] ?? "").trim()}" is not a number` }, bytes };
    else {
      const problem = followerSnapshotProblem({ date: d, followers: f }, now);
      yield { row, outcome: problem ? { ok: false, reason: problem } : { ok: true, item: { date: d, followers: f } }, bytes };
    }
  }
  if (!cols) throw new ImportFileError("The file is empty.");
}
