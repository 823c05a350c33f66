/** Any CSV with an explicit column mapping chosen by the user (field -> header name). */
import { z } from "zod";
import { PlatformSchema } from "../domain/vocabulary";
import { DATE_FORMATS, findColumn, isBlankRow, readCsvRows } from "./cells";
import type { MappableField } from "./field-parser";
import { COUNT_FIELDS, TEXT_FIELDS, createFieldRowParser } from "./field-parser";
import { META_HEADER_ALIASES } from "./meta-business-suite";
import { fileError, runRows } from "./run-rows";
import type { ImportResult, RowParser } from "./types";

const fields = [...COUNT_FIELDS, ...TEXT_FIELDS] as [MappableField, ...MappableField[]];
export const MappableFieldSchema = z.enum(fields);

export const ColumnMappingSchema = z.object({
  /** Field -> header text in the file. */
  columns: z.partialRecord(MappableFieldSchema, z.string()),
  platform: PlatformSchema,
  timeZone: z.string().default("UTC"),
  dateFormat: z.enum(DATE_FORMATS).default("iso"),
  delimiter: z.string().max(1).optional(),
});
export type ColumnMapping = z.input<typeof ColumnMappingSchema>;

export interface MappedRowParser extends RowParser {
  /** Mapped headers that were not in the file. */
  missingHeaders: string[];
}

export function createMappedCsvRowParser(headers: readonly string[], mapping: ColumnMapping): MappedRowParser {
  const m = ColumnMappingSchema.parse(mapping);
  const columns: Partial<Record<MappableField, number>> = {};
  const labels: Partial<Record<MappableField, string>> = {};
  const missingHeaders: string[] = [];
  for (const [field, header] of Object.entries(m.columns) as [MappableField, string | undefined][]) {
    if (!header) continue;
    const i = findColumn(headers, [header]);
    if (i < 0) missingHeaders.push(header);
    else {
      columns[field] = i;
      labels[field] = header;
    }
  }
  const inner = createFieldRowParser({ columns, labels, platform: m.platform, timeZone: m.timeZone, dateFormat: m.dateFormat, requireDate: columns.publishedAt !== undefined });
  return { missingHeaders, parseRow: (cells, row) => inner.parseRow(cells, row) };
}

/** Whole-file parse with a column mapping; never throws. */
export function parseMappedCsv(text: string, mapping: ColumnMapping): ImportResult {
  try {
    const parsed = ColumnMappingSchema.safeParse(mapping);
    if (!parsed.success) return fileError(`The column mapping is not valid: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
    if (typeof text !== "string") return fileError("The file is not text.");
    const { rows, error } = readCsvRows(text, parsed.data.delimiter);
    if (error) return fileError(error);
    const headerIndex = rows.findIndex((r) => !isBlankRow(r));
    if (headerIndex < 0) return fileError("The file is empty.");
    const parser = createMappedCsvRowParser(rows[headerIndex] as string[], mapping);
    if (parser.missingHeaders.length) return fileError(`These mapped columns are not in the file: ${parser.missingHeaders.join(", ")}.`);
    return runRows(rows.slice(headerIndex + 1), parser, headerIndex + 2);
  } catch (e) {
    return fileError(e instanceof Error ? e.message : "Could not read the file.");
  }
}

/** The fields the column mapper offers, in its order, with the label it shows for each. */
export const MAPPER_FIELD_LABELS: Partial<Record<MappableField, string>> = {
  id: "Post id",
  publishedAt: "Published at",
  caption: "Caption",
  format: "Format",
  contentType: "Content type",
  likes: "Likes",
  comments: "Comments",
  shares: "Shares",
  saves: "Saves",
  reach: "Reach",
  impressions: "Impressions",
  views: "Views",
  followers: "Followers",
  clicks: "Clicks",
  mediaCount: "Media count",
};

/**
 * The column suggested for each field: Meta's header names, then a header named exactly like the
 * mapper's own label ("Published at") or the field ("publishedAt"), compared as normalized headers.
 */
export function suggestColumns(headers: readonly string[]): ColumnMapping["columns"] {
  const columns: ColumnMapping["columns"] = {};
  for (const [field, label] of Object.entries(MAPPER_FIELD_LABELS) as [MappableField, string][]) {
    const i = findColumn(headers, [...META_HEADER_ALIASES[field], label, field]);
    if (i >= 0) columns[field] = headers[i];
  }
  return columns;
}
