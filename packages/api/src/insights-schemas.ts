/**
 * What `insights.get` returns, checked on the way out: a snapshot stored by an older version of the
 * server, or a shape drift in core, fails loudly here instead of rendering wrong numbers.
 */
import { ACCOUNT_KINDS, CONTENT_TYPES, FOLLOWER_TIERS, FORMATS, MIX_KEYS, PLATFORMS } from "@rapport/core";
import { z } from "zod";

const count = z.number().int().nonnegative();
const Denominator = z.enum(["reach", "followers", "impressions", "views"]);
const EvidenceState = z.enum(["not-enough-posts", "tentative", "normal"]);
const Interval = z.object({
  low: z.number(),
  high: z.number(),
  level: z.literal(0.95),
  method: z.enum(["bootstrap", "normal"]),
  resamples: count,
});

const liftRow = <K extends z.ZodType<string>>(key: K) =>
  z.object({
    key,
    label: z.string(),
    n: count,
    lift: z.number(),
    rawLift: z.number().nullable(),
    interval: Interval.nullable(),
    state: EvidenceState,
    isBest: z.boolean(),
    summary: z.string(),
  });
const liftTable = <K extends z.ZodType<string>>(key: K) => z.object({ rows: z.array(liftRow(key)), best: key.nullable() });

const HeatmapCell = liftRow(z.string()).extend({ weekday: count, block: count, startHour: count, endHour: count });

const Profile = z.object({ id: z.uuid(), platform: z.enum(PLATFORMS), timeZone: z.string(), handle: z.string() });

const RankedPost = z.object({
  post: z.object({
    id: z.uuid(),
    caption: z.string().nullable(),
    publishedAt: z.string().nullable(),
    slot: z.object({ weekday: count, hour: count, month: count.nullable().optional() }).nullable(),
    contentType: z.enum(CONTENT_TYPES).nullable(),
    format: z.enum(FORMATS).nullable(),
    sourceType: z.string().nullable(),
  }),
  rate: z.number(),
  denominator: Denominator,
  vsMedian: z.number().nullable(),
  explanation: z.array(z.string()),
});

export const InsightsOutputSchema = z.object({
  n: count,
  denominator: z.enum(["reach", "followers"]),
  datedPosts: count,
  focusProfile: Profile.nullable(),
  profiles: z.array(Profile),
  usesUciData: z.boolean(),
  /** True when served from the stored snapshot rather than computed for this request. */
  fromSnapshot: z.boolean(),
  /** True when these are the previous numbers, served while fresh ones are computed. */
  updating: z.boolean(),
  /** When the numbers served were computed. */
  computedAt: z.date(),
  lift: z.object({
    baseline: z.object({ value: z.number().nullable(), denominator: Denominator, n: count, excluded: count }),
    byContentType: liftTable(z.enum(CONTENT_TYPES)),
    byFormat: liftTable(z.enum(FORMATS)),
    bySourceType: liftTable(z.string()).extend({ denominator: Denominator, n: count }),
  }),
  heatmap: z
    .object({
      timeZone: z.string(),
      blockHours: count,
      denominator: Denominator,
      n: count,
      excluded: count,
      cells: z.array(HeatmapCell),
      bestSlots: z.array(HeatmapCell),
    })
    .nullable(),
  mix: z.object({
    parts: z.array(
      z.object({
        key: z.enum(MIX_KEYS),
        label: z.string(),
        medianRate: z.number().nullable(),
        share: z.number().nullable(),
        denominator: Denominator,
        n: count,
      }),
    ),
    saveShare: z.number().nullable(),
    totalInteractions: z.number().nonnegative(),
    denominator: Denominator,
    n: count,
    summary: z.string(),
  }),
  topBottom: z.object({
    top: z.array(RankedPost),
    bottom: z.array(RankedPost),
    denominator: Denominator,
    medianRate: z.number().nullable(),
    n: count,
  }),
  health: z
    .object({
      trustScore: z.number().min(0).max(100),
      signals: z.array(
        z.object({
          key: z.enum(["ratePerFollower", "followerJumps", "commentToLike", "likeSpread"]),
          title: z.string(),
          status: z.enum(["typical", "worth-a-look", "not-enough-data"]),
          value: z.number().nullable(),
          denominator: z.string(),
          n: count,
          deduction: z.number(),
          evidence: z.string(),
        }),
      ),
      jumps: z.array(z.object({ date: z.string(), change: z.number(), modifiedZ: z.number(), direction: z.enum(["spike", "drop"]) })),
      benchmark: z
        .object({
          platform: z.enum(PLATFORMS),
          tier: z.enum(FOLLOWER_TIERS),
          accountKind: z.enum(ACCOUNT_KINDS),
          ratePerFollower: z.number(),
          ratePerReach: z.number(),
          source: z.string(),
        })
        .nullable(),
      summary: z.string(),
    })
    .nullable(),
  cadence: z
    .object({
      weeks: z.array(
        z.object({
          weekStart: z.iso.date(),
          posts: count,
          weeklyTotal: z.number(),
          perPostRate: z.number(),
          denominator: Denominator,
          cannibalised: z.boolean(),
          evidence: z.string().nullable(),
        }),
      ),
      typicalPostsPerWeek: z.number().nullable(),
      typicalWeeklyTotal: z.number().nullable(),
      typicalPerPostRate: z.number().nullable(),
      denominator: Denominator,
      n: count,
      summary: z.string(),
    })
    .nullable(),
});
export type InsightsOutput = z.infer<typeof InsightsOutputSchema>;
