/** Runs a row parser over whole-file rows, collecting posts and rejections; never throws. */
import type { ImportResult, RowParser } from "./types";

export function runRows(rows: readonly string[][], parser: RowParser, firstRowNumber = 2): ImportResult {
  const result: ImportResult = { posts: [], rejected: [] };
  rows.forEach((cells, i) => {
    const row = firstRowNumber + i;
    try {
      const r = parser.parseRow(cells, row);
      if (r.ok === true) result.posts.push(r.post);
      else if (r.ok === false) result.rejected.push({ row, reason: r.reason });
    } catch (e) {
      result.rejected.push({ row, reason: e instanceof Error ? e.message : "could not read this row" });
    }
  });
  return result;
}

export function fileError(reason: string): ImportResult {
  return { posts: [], rejected: [{ row: 0, reason }] };
}
