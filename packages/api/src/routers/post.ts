/** Past posts with their metrics: list with filters and sorting, content type confirmed by a person, one post typed in. */
import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import { and, eq, posts, socialProfiles } from "@rapport/db";
import {
  ContentTypeSchema,
  FormatSchema,
  engagementRate,
  interactionQuality,
  performanceIndex,
  suggestContentType,
  type Post,
} from "@rapport/core";
import { z } from "zod";
import { queueDraftRescore, upsertPosts, toPostRow } from "../services/imports";
import {
  countPosts,
  earlierPosts,
  earlierPostsInMemory,
  loadPosts,
  PostFiltersSchema,
  type LoadedPost,
} from "../services/posts";
import { topPostsPerProfile } from "../services/top-posts";
import { workspaceProcedure } from "../trpc";
import { intField, isoDateTimeField, MAX_INT, textField } from "../input-fields";

const SORTS = [
  "publishedAt",
  "reach",
  "ratePerReach",
  "ratePerFollower",
  "quality",
  "comments",
  "shares",
  "likes",
] as const;

export const PostListInputSchema = PostFiltersSchema.extend({
  contentType: ContentTypeSchema.or(z.literal("none")).optional(),
  sort: z.enum(SORTS).default("publishedAt"),
  dir: z.enum(["asc", "desc"]).default("desc"),
  page: z.number().int().min(1).max(100_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
});

const count = intField(0, MAX_INT, "A count").nullable();

/** One post typed in by hand (metrics from the app's insights screen). */
export const ManualPostInputSchema = z.object({
  profileId: z.uuid({ error: "Choose a profile." }),
  publishedAt: isoDateTimeField("Use a date and time like 2026-03-31T18:00."),
  caption: textField(5000).nullable().default(null),
  contentType: ContentTypeSchema.nullable().default(null),
  format: FormatSchema.nullable().default(null),
  reach: count.default(null),
  impressions: count.default(null),
  followers: count.default(null),
  likes: count.default(null),
  comments: count.default(null),
  shares: count.default(null),
  saves: count.default(null),
});

function rowMetrics(p: Post) {
  return {
    perReach: engagementRate(p, { denominator: "reach" }),
    perFollower: engagementRate(p, { denominator: "followers" }),
    quality: interactionQuality(p),
  };
}

/** performanceIndex's default window: the typical post is the median of the last 30. */
const PERFORMANCE_WINDOW = 30;

type Row = { post: LoadedPost } & ReturnType<typeof rowMetrics>;

export const postRouter = {
  list: workspaceProcedure("viewer")
    .input(PostListInputSchema)
    .query(async ({ ctx, input }) => {
      const { page: pageNumber, pageSize, sort, dir, ...filters } = input;
      const offset = (pageNumber - 1) * pageSize;
      // The database filters, sorts (missing values last, ties in time order), counts and returns one page.
      const total = await countPosts(ctx.db, ctx.workspace.id, filters);
      const posts = await loadPosts(ctx.db, ctx.workspace.id, {
        ...filters,
        withCaptions: true,
        page: { sort, dir, limit: pageSize, offset },
      });
      const page: Row[] = posts.map((post) => ({ post, ...rowMetrics(post) }));
      const earlier = await earlierPosts(
        ctx.db,
        ctx.workspace.id,
        page.map((r) => r.post),
        PERFORMANCE_WINDOW,
      );
      return {
        total,
        page: pageNumber,
        pageSize,
        rows: page.map((r) => {
          const pi = performanceIndex(r.post, earlier.get(r.post.id) ?? []);
          const suggestion =
            r.post.contentTypeSource === "confirmed" || !r.post.caption
              ? null
              : (suggestContentType(r.post.caption)[0] ?? null);
          return {
            id: r.post.id,
            profileId: r.post.profileId,
            externalId: r.post.externalId,
            publishedAt: r.post.publishedAt ?? null,
            slot: r.post.slot ?? null,
            caption: r.post.caption ?? null,
            contentType: r.post.contentType ?? null,
            contentTypeSource: r.post.contentTypeSource,
            suggestedContentType: suggestion?.contentType ?? null,
            format: r.post.format ?? null,
            sourceType: r.post.extra?.type ?? null,
            followers: r.post.followers ?? null,
            reach: r.post.reach ?? null,
            likes: r.post.likes ?? null,
            comments: r.post.comments ?? null,
            shares: r.post.shares ?? null,
            saves: r.post.saves ?? null,
            clicks: r.post.clicks ?? null,
            perReach: r.perReach?.value ?? null,
            perFollower: r.perFollower?.value ?? null,
            quality: r.quality
              ? { value: r.quality.value, denominator: r.quality.denominator }
              : null,
            performanceIndex: pi ? { value: pi.value, n: pi.n, label: pi.label } : null,
          };
        }),
      };
    }),

  /**
   * Every matching post in time order with its metrics, for the CSV export: one load, and each
   * post's performance index from the profile's posts in memory (no per-page queries).
   */
  export: workspaceProcedure("viewer")
    .input(PostFiltersSchema.extend({ contentType: PostListInputSchema.shape.contentType }))
    .query(async ({ ctx, input }) => {
      const { workspaceId: _w, ...filters } = input;
      const rows = await loadPosts(ctx.db, ctx.workspace.id, { ...filters, withCaptions: true });
      // "Your typical post" is the profile's whatever the filters: its history comes unfiltered.
      const narrowed = Boolean(
        filters.platform || filters.from || filters.to || filters.contentType,
      );
      const history = narrowed
        ? await loadPosts(ctx.db, ctx.workspace.id, { profileId: filters.profileId })
        : rows;
      const earlierOf = earlierPostsInMemory(history, PERFORMANCE_WINDOW);
      return rows.map((post) => {
        const m = rowMetrics(post);
        const pi = performanceIndex(post, earlierOf(post));
        return {
          id: post.id,
          profileId: post.profileId,
          externalId: post.externalId,
          publishedAt: post.publishedAt ?? null,
          slot: post.slot ?? null,
          sourceType: post.extra?.type ?? null,
          format: post.format ?? null,
          contentType: post.contentType ?? null,
          contentTypeSource: post.contentTypeSource,
          caption: post.caption ?? null,
          followers: post.followers ?? null,
          reach: post.reach ?? null,
          likes: post.likes ?? null,
          comments: post.comments ?? null,
          shares: post.shares ?? null,
          saves: post.saves ?? null,
          perReach: m.perReach?.value ?? null,
          perFollower: m.perFollower?.value ?? null,
          quality: m.quality
            ? { value: m.quality.value, denominator: m.quality.denominator }
            : null,
          performanceIndex: pi ? { value: pi.value, n: pi.n } : null,
        };
      });
    }),

  /** Each profile's top past posts ("run it again" on the drafts list), ranked in the database. */
  top: workspaceProcedure("viewer")
    .input(z.object({ perProfile: z.number().int().min(1).max(10).default(3) }))
    .query(({ ctx, input }) =>
      topPostsPerProfile(ctx.db, ctx.workspace.id, {
        perProfile: input.perProfile,
        maxProfiles: 10,
      }),
    ),

  setContentType: workspaceProcedure("editor")
    .input(
      z.object({
        postId: z.uuid({ error: "Unknown post." }),
        contentType: ContentTypeSchema.nullable(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .update(posts)
        .set({
          contentType: input.contentType,
          contentTypeSource: input.contentType ? "confirmed" : null,
          updatedAt: new Date(),
        })
        .where(and(eq(posts.id, input.postId), eq(posts.workspaceId, ctx.workspace.id)))
        .returning({ id: posts.id, contentType: posts.contentType });
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Post not found." });
      return row;
    }),

  addManual: workspaceProcedure("editor")
    .input(ManualPostInputSchema)
    .mutation(async ({ ctx, input }) => {
      const [profile] = await ctx.db
        .select({ id: socialProfiles.id, platform: socialProfiles.platform })
        .from(socialProfiles)
        .where(
          and(
            eq(socialProfiles.id, input.profileId),
            eq(socialProfiles.workspaceId, ctx.workspace.id),
          ),
        );
      if (!profile) throw new TRPCError({ code: "NOT_FOUND", message: "Profile not found." });
      const publishedAt = new Date(input.publishedAt).toISOString();
      if (![input.likes, input.comments, input.shares, input.saves].some((v) => v !== null))
        throw new TRPCError({
          code: "BAD_REQUEST",
          message: "Enter at least one of likes, comments, shares or saves.",
        });
      const post: Post = {
        id: `manual-${publishedAt}`,
        platform: profile.platform,
        publishedAt,
        caption: input.caption,
        contentType: input.contentType,
        format: input.format,
        reach: input.reach,
        impressions: input.impressions,
        followers: input.followers,
        likes: input.likes,
        comments: input.comments,
        shares: input.shares,
        saves: input.saves,
      };
      const row = toPostRow(post);
      if (input.contentType) row.contentTypeSource = "confirmed";
      const r = await upsertPosts(
        ctx.db,
        { workspaceId: ctx.workspace.id, profileId: profile.id, importId: null },
        [row],
      );
      // Metrics arrived: the profile's open drafts are re-scored in the background.
      queueDraftRescore(ctx.db, ctx.workspace.id, profile.id);
      return { created: r.inserted === 1, updated: r.updated === 1 };
    }),
} satisfies TRPCRouterRecord;
