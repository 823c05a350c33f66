/**
 * Input schemas for planning (calendar, lifecycle, queue): defined once, used by the procedures and
 * by the UI's forms (zod and core only, so they load in the browser).
 */
import { DraftStatusSchema, isLocalClock, isLocalDate, parseLocalDateTime } from "@rapport/core";
import { z } from "zod";

export const LocalDateSchema = z
  .string({ error: "Choose a day." })
  .refine(isLocalDate, { error: "Use a date like 2026-03-31." });
export const LocalClockSchema = z
  .string({ error: "Choose a time." })
  .refine(isLocalClock, { error: "Use a time like 09:00 (24-hour clock)." });
/** A wall-clock time on the profile's clock, as a datetime-local input gives it. */
export const LocalDateTimeSchema = z
  .string({ error: "Choose a date and a time." })
  .refine((v) => parseLocalDateTime(v) !== null, {
    error: "Use a date and time like 2026-03-31T09:00.",
  });
export const WeekdaySchema = z
  .number({ error: "Choose a weekday." })
  .int()
  .min(0, "Choose a weekday from Monday (0) to Sunday (6).")
  .max(6, "Choose a weekday from Monday (0) to Sunday (6).");

const DraftRef = z.object({ draftId: z.uuid({ error: "Unknown post." }) });
const Version = z.number({ error: "Reload the post: its version is missing." }).int().min(1);

export const TransitionSchema = DraftRef.extend({
  to: DraftStatusSchema,
  comment: z.string().trim().max(2000, "Keep the comment under 2,000 characters.").optional(),
  expectedVersion: Version,
});

export const RescheduleSchema = DraftRef.extend({
  expectedVersion: Version,
  localDate: LocalDateSchema,
  localTime: LocalClockSchema,
});

export const AddToQueueSchema = DraftRef.extend({ expectedVersion: Version });

export const CalendarRangeSchema = z.object({
  from: z.date({ error: "Choose where the range starts." }),
  to: z.date({ error: "Choose where the range ends." }),
  profileIds: z
    .array(z.uuid({ error: "Unknown profile." }))
    .max(50)
    .optional(),
  contentTypes: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  statuses: z.array(DraftStatusSchema).max(10).optional(),
});

export const ProfileRefSchema = z.object({ profileId: z.uuid({ error: "Unknown profile." }) });

export const SlotInputSchema = ProfileRefSchema.extend({
  weekday: WeekdaySchema,
  localTime: LocalClockSchema,
  source: z.enum(["suggested", "manual"]).optional(),
  evidence: z.string().max(500).nullish(),
});

export const SlotUpdateSchema = z.object({
  slotId: z.uuid({ error: "Unknown slot." }),
  weekday: WeekdaySchema,
  localTime: LocalClockSchema,
});

export const SlotRefSchema = z.object({ slotId: z.uuid({ error: "Unknown slot." }) });
