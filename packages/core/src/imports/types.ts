/** What every importer returns: normalized posts plus each rejected row with its number and reason. */
import type { Post } from "../domain/post";

export interface RejectedRow {
  /** 1-based line in the file, the header being row 1 (as a spreadsheet shows it); 0 for the file itself. */
  row: number;
  reason: string;
}

export interface ImportResult {
  posts: Post[];
  rejected: RejectedRow[];
}

export type RowResult = { ok: true; post: Post } | { ok: false; reason: string } | { ok: "skip" };

export interface RowParser {
  /** Parses one data row; never throws. */
  parseRow(cells: readonly string[], rowNumber: number): RowResult;
}
