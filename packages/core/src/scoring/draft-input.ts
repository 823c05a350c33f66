/**
 * The one way a draft as stored or edited becomes the scorer's input, used by the browser editor
 * and by the server, so both score exactly the same thing.
 */
import type { ContentType, Format, Platform } from "../domain/vocabulary";
import { CONTENT_TYPES, FORMATS } from "../domain/vocabulary";
import type { Draft } from "./schemas";

export interface EditableDraft {
  /** A workspace's own content types are unknown to the model and left out. */
  contentType: string | null;
  format: string | null;
  caption: string;
  /** The planned instant; strings are ISO 8601. */
  plannedAt: Date | string | null;
  /** Media attached so far (0: none yet). */
  mediaCount: number;
}

const CONTENT_TYPE_SET: ReadonlySet<string> = new Set(CONTENT_TYPES);
const FORMAT_SET: ReadonlySet<string> = new Set(FORMATS);

export function draftForScoring(d: EditableDraft, platform: Platform): Draft {
  return {
    platform,
    contentType:
      d.contentType !== null && CONTENT_TYPE_SET.has(d.contentType)
        ? (d.contentType as ContentType)
        : null,
    format: d.format !== null && FORMAT_SET.has(d.format) ? (d.format as Format) : null,
    caption: d.caption,
    plannedAt: d.plannedAt instanceof Date ? d.plannedAt.toISOString() : d.plannedAt,
    mediaCount: d.mediaCount,
  };
}
