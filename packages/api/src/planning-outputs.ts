/** Output schemas of the planning procedures: the shapes the calendar, the queue and "This week" read. */
import { DraftStatusSchema, TRANSITION_ACTIONS } from "@rapport/core";
import { z } from "zod";

export const CalendarItemSchema = z.object({
  draftId: z.uuid(),
  profileId: z.uuid(),
  profileHandle: z.string(),
  profileTimeZone: z.string(),
  platform: z.string(),
  plannedAt: z.date(),
  /** YYYY-MM-DD and HH:mm on the profile's clock. */
  localDate: z.string(),
  localTime: z.string(),
  contentType: z.string().nullable(),
  format: z.string().nullable(),
  status: DraftStatusSchema,
  scoreBand: z.string().nullable(),
  score: z.number().nullable(),
  thumbnailMediaId: z.uuid().nullable(),
  title: z.string(),
  version: z.number().int(),
  isExample: z.boolean(),
});

export const CadenceWarningSchema = z.object({
  profileId: z.uuid(),
  kind: z.enum(["week", "day"]),
  date: z.string(),
  posts: z.number().int(),
  message: z.string(),
});

export const CadenceSummarySchema = z.object({
  profileId: z.uuid(),
  summary: z.string(),
  typicalPostsPerWeek: z.number().nullable(),
});

export const CalendarRangeOutputSchema = z.object({
  items: z.array(CalendarItemSchema),
  days: z.array(
    z.object({
      date: z.string(),
      total: z.number().int(),
      byStatus: z.record(z.string(), z.number().int()),
    }),
  ),
  cadence: z.array(CadenceWarningSchema),
  cadenceSummaries: z.array(CadenceSummarySchema),
});

const SlotCellSchema = z.object({
  weekday: z.number().int(),
  startHour: z.number().int(),
  endHour: z.number().int(),
  label: z.string(),
  lift: z.number(),
  n: z.number().int(),
  state: z.string(),
  interval: z.object({ low: z.number(), high: z.number() }).nullable(),
  summary: z.string(),
});

export const BestSlotsOutputSchema = z.object({
  profileId: z.uuid(),
  timeZone: z.string(),
  denominator: z.string(),
  n: z.number().int(),
  blockHours: z.number().int(),
  best: z.array(SlotCellSchema),
  cells: z.array(SlotCellSchema),
});

export const GridOutputSchema = z.object({
  profileId: z.uuid(),
  timeZone: z.string(),
  tiles: z.array(
    z.object({
      kind: z.enum(["planned", "past"]),
      id: z.uuid(),
      at: z.date().nullable(),
      local: z.string().nullable(),
      mediaId: z.uuid().nullable(),
      title: z.string(),
      contentType: z.string().nullable(),
      format: z.string().nullable(),
      status: DraftStatusSchema.nullable(),
      version: z.number().int().nullable(),
      isExample: z.boolean(),
    }),
  ),
});

export const RescheduleOutputSchema = z.object({
  draftId: z.uuid(),
  version: z.number().int(),
  status: DraftStatusSchema,
  plannedAt: z.date(),
  plannedLocal: z.string(),
  localDate: z.string(),
  localTime: z.string(),
  /** What happened to a local time that did not exist or happened twice; null otherwise. */
  resolution: z.string().nullable(),
  score: z.number().nullable(),
  scoreBand: z.string().nullable(),
});

export const TransitionOutputSchema = z.object({
  draftId: z.uuid(),
  status: DraftStatusSchema,
  version: z.number().int(),
  transition: z.object({
    id: z.uuid(),
    fromStatus: DraftStatusSchema.nullable(),
    toStatus: DraftStatusSchema,
    action: z.string().nullable(),
    comment: z.string().nullable(),
    createdAt: z.date(),
  }),
});

export const HistoryEntrySchema = z.object({
  id: z.uuid(),
  fromStatus: DraftStatusSchema.nullable(),
  toStatus: DraftStatusSchema,
  action: z.enum(TRANSITION_ACTIONS).nullable(),
  summary: z.string(),
  actor: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  comment: z.string().nullable(),
  createdAt: z.date(),
});

export const AvailableTransitionSchema = z.object({
  to: DraftStatusSchema,
  action: z.enum(TRANSITION_ACTIONS),
  label: z.string(),
  commentRequired: z.boolean(),
});

export const SlotSchema = z.object({
  id: z.uuid(),
  workspaceId: z.uuid(),
  profileId: z.uuid(),
  weekday: z.number().int(),
  localTime: z.string(),
  source: z.enum(["suggested", "manual"]),
  evidence: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const SlotSuggestionsOutputSchema = z.object({
  profileId: z.uuid(),
  timeZone: z.string(),
  denominator: z.string(),
  n: z.number().int(),
  summary: z.string(),
  suggestions: z.array(
    z.object({
      weekday: z.number().int(),
      localTime: z.string(),
      lift: z.number(),
      n: z.number().int(),
      interval: z.object({ low: z.number(), high: z.number() }).nullable(),
      confident: z.boolean(),
      evidence: z.string(),
      alreadyASlot: z.boolean(),
    }),
  ),
});

export const AddToQueueOutputSchema = z.object({
  draftId: z.uuid(),
  version: z.number().int(),
  status: DraftStatusSchema,
  slotId: z.uuid(),
  plannedAt: z.date(),
  localDate: z.string(),
  localTime: z.string(),
  resolution: z.string().nullable(),
});

export const MovedPostSchema = z.object({
  draftId: z.uuid(),
  title: z.string(),
  status: DraftStatusSchema,
  plannedLocal: z.string(),
  from: z.date(),
  to: z.date(),
  resolution: z.string().nullable(),
  unscheduled: z.boolean(),
});

export const HomeOutputSchema = z.object({
  timeZone: z.string(),
  today: z.string(),
  days: z.array(
    z.object({
      date: z.string(),
      weekday: z.number().int(),
      isToday: z.boolean(),
      items: z.array(CalendarItemSchema),
    }),
  ),
  waitingForReview: z.array(
    z.union([
      CalendarItemSchema,
      z.object({
        draftId: z.uuid(),
        plannedAt: z.null(),
        title: z.string(),
        profileId: z.uuid(),
        version: z.number().int(),
      }),
    ]),
  ),
  emptySlots: z.array(
    z.object({
      slotId: z.uuid(),
      profileId: z.uuid(),
      profileHandle: z.string(),
      weekday: z.number().int(),
      localDate: z.string(),
      localTime: z.string(),
      plannedAt: z.date(),
      resolution: z.string().nullable(),
      label: z.string(),
      taken: z.boolean(),
    }),
  ),
  cadence: z.array(CadenceWarningSchema),
  cadenceSummaries: z.array(CadenceSummarySchema),
  lastWeek: z.object({
    from: z.string(),
    to: z.string(),
    n: z.number().int(),
    posts: z.array(
      z.object({
        postId: z.uuid(),
        profileId: z.uuid(),
        profileHandle: z.string(),
        publishedAt: z.date(),
        localDate: z.string(),
        localTime: z.string(),
        title: z.string(),
        contentType: z.string().nullable(),
        format: z.string().nullable(),
        quality: z
          .object({ value: z.number(), denominator: z.string(), label: z.string() })
          .nullable(),
        performanceIndex: z
          .object({
            value: z.number(),
            n: z.number().int(),
            denominator: z.string(),
            label: z.string(),
          })
          .nullable(),
      }),
    ),
  }),
});
