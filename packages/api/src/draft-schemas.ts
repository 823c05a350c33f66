/**
 * Input schemas for drafts, content types and media: defined once, used by the procedures and by
 * the editor (zod and core only, so they load in the browser).
 */
import { DraftStatusSchema, FormatSchema, parseLocalDateTime } from "@rapport/core";
import { z } from "zod";
import { intField, MAX_INT, textField } from "./input-fields";

/** The lifecycle's statuses, labels and schema live in core (one state machine); re-exported for the forms. */
export { DRAFT_STATUSES, DRAFT_STATUS_LABELS, DraftStatusSchema } from "@rapport/core";

/** The longest caption any platform takes (Facebook); each platform's own limit is checked separately. */
export const MAX_CAPTION_LENGTH = 63_206;
export const MAX_MEDIA_PER_DRAFT = 20;
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
export const MAX_VIDEO_BYTES = 200 * 1024 * 1024;

export const ContentTypeKeySchema = z
  .string({ error: "Choose a content type." })
  .trim()
  .min(1, "Choose a content type.")
  .max(60, "Use at most 60 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and dashes.");

export const LabelSchema = textField(40, "Keep each label under 40 characters.")
  .trim()
  .min(1, "Labels can't be empty.")
  .max(40, "Keep each label under 40 characters.");

export const DraftFieldsSchema = z.object({
  contentType: ContentTypeKeySchema.nullable(),
  format: FormatSchema.nullable(),
  caption: textField(
    MAX_CAPTION_LENGTH,
    `Captions can be at most ${MAX_CAPTION_LENGTH.toLocaleString("en")} characters.`,
  ),
  firstComment: textField(2200, "The first comment can be at most 2,200 characters."),
  notes: textField(10_000, "Notes can be at most 10,000 characters."),
  labels: z.array(LabelSchema).max(20, "Use at most 20 labels."),
  plannedAt: z.iso
    .datetime({ offset: true, error: "Enter the planned time as a date and time." })
    .nullable(),
  /**
   * The planned time as a wall-clock time on the profile's clock ("YYYY-MM-DDTHH:mm"); when given it
   * wins over `plannedAt`, and the server applies the DST rule (decision 701).
   */
  plannedLocal: z
    .string()
    .refine((v) => parseLocalDateTime(v) !== null, {
      error: "Enter the planned time as a date and time, like 2026-03-31T09:00.",
    })
    .nullable(),
  /** Changing it goes through the lifecycle rules (prefer `draft.transition`). */
  status: DraftStatusSchema,
});
export type DraftFields = z.infer<typeof DraftFieldsSchema>;

export const DraftIdSchema = z.object({ draftId: z.uuid({ error: "Unknown draft." }) });

export const DraftCreateSchema = DraftFieldsSchema.partial().extend({
  profileId: z.uuid({ error: "Choose a profile." }),
});

export const DraftUpdateSchema = DraftIdSchema.extend({
  /** The version the editor started from; the save is refused as a conflict if the draft moved on. */
  expectedVersion: intField(1, MAX_INT, "The version"),
  profileId: z.uuid({ error: "Choose a profile." }).optional(),
}).extend(DraftFieldsSchema.partial().shape);
export type DraftUpdateInput = z.infer<typeof DraftUpdateSchema>;

export const DRAFT_SORTS = ["updated", "score", "planned"] as const;
export const DraftListSchema = z.object({
  profileId: z.uuid().optional(),
  contentType: ContentTypeKeySchema.optional(),
  status: DraftStatusSchema.optional(),
  label: LabelSchema.optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(DRAFT_SORTS).default("updated"),
});

export const ContentTypeLabelSchema = z
  .string()
  .trim()
  .min(1, "Name the content type.")
  .max(60, "Use at most 60 characters.");

export const MediaOrderSchema = DraftIdSchema.extend({
  mediaIds: z
    .array(z.uuid())
    .max(MAX_MEDIA_PER_DRAFT, `A draft holds at most ${MAX_MEDIA_PER_DRAFT} images.`),
});

/** Planning inputs (calendar, lifecycle, queue), for the same forms. */
export * from "./planning-schemas";
