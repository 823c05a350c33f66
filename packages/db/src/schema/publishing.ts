/**
 * Publishing: the durable job queue (leases claimed with FOR UPDATE SKIP LOCKED, decision 801), how
 * each profile publishes (reminder or signed webhook), the webhook delivery log, in-app notifications,
 * the email outbox, what became of a published draft, and the secret calendar feeds.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { drafts } from "./drafts";
import { posts } from "./posts";
import { socialProfiles } from "./social-profiles";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const JOB_STATUSES = ["queued", "running", "done", "dead", "cancelled"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const jobs = pgTable(
  "jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    queue: text().notNull(),
    /** Dedupe key: enqueueing the same key again updates the waiting job instead of adding one. */
    key: text().notNull().unique(),
    payload: jsonb().notNull().default({}),
    workspaceId: uuid().references(() => workspaces.id, { onDelete: "cascade" }),
    status: text().$type<JobStatus>().notNull().default("queued"),
    runAt: timestamp({ withTimezone: true }).notNull(),
    /** Claims so far (a claim whose worker died counts too). */
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(8),
    lockedBy: text(),
    lockedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index("jobs_queued_run_at_idx")
      .on(t.runAt)
      .where(sql`status = 'queued'`),
    index("jobs_running_locked_until_idx")
      .on(t.lockedUntil)
      .where(sql`status = 'running'`),
    index().on(t.workspaceId, t.status),
  ],
);

export const PUBLISH_METHODS = ["reminder", "webhook"] as const;
export type PublishMethod = (typeof PUBLISH_METHODS)[number];

/** How one profile publishes; a profile without a row uses reminders. */
export const publishingSettings = pgTable("publishing_settings", {
  profileId: uuid()
    .primaryKey()
    .references(() => socialProfiles.id, { onDelete: "cascade" }),
  workspaceId: uuid()
    .notNull()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  method: text().$type<PublishMethod>().notNull().default("reminder"),
  webhookUrl: text(),
  /** `whsec_` + base64: needed in clear to sign, so it is shown only to owners. */
  webhookSecret: text(),
  /** The secret before the last rotation, still used to sign (as a second signature) until it expires. */
  webhookPreviousSecret: text(),
  webhookPreviousSecretExpiresAt: timestamp({ withTimezone: true }),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid()
      .notNull()
      .references(() => socialProfiles.id, { onDelete: "cascade" }),
    draftId: uuid().references(() => drafts.id, { onDelete: "set null" }),
    /** The `webhook-id` header: the same for every retry of one publish (receivers dedupe on it). */
    messageId: text().notNull(),
    eventType: text().notNull(),
    url: text().notNull(),
    attempt: integer().notNull(),
    statusCode: integer(),
    ok: boolean().notNull(),
    durationMs: integer().notNull(),
    responseExcerpt: text(),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.profileId, t.createdAt), index().on(t.draftId)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(""),
    href: text(),
    draftId: uuid().references(() => drafts.id, { onDelete: "cascade" }),
    readAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.workspaceId, t.createdAt)],
);

export const EMAIL_STATUSES = ["queued", "sent", "logged", "failed"] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];

/** Every email the app writes; without SMTP this is where it can be read ("logged"). */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().references(() => workspaces.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    status: text().$type<EmailStatus>().notNull().default("queued"),
    error: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.workspaceId, t.createdAt)],
);

/** What became of a draft that was published (or is due as a reminder): its live post and its results. */
export const draftPublications = pgTable(
  "draft_publications",
  {
    draftId: uuid()
      .primaryKey()
      .references(() => drafts.id, { onDelete: "cascade" }),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid()
      .notNull()
      .references(() => socialProfiles.id, { onDelete: "cascade" }),
    method: text().$type<PublishMethod>().notNull(),
    /** The idempotency key of the publish (the webhook-id of its deliveries). */
    idempotencyKey: text().notNull(),
    publishedAt: timestamp({ withTimezone: true }),
    permalink: text(),
    externalId: text(),
    /** The imported (or typed-in) post carrying the results, once matched. */
    postId: uuid().references(() => posts.id, { onDelete: "set null" }),
    /** The score and predicted range when it went out, kept so that later re-scoring cannot move them. */
    predictedScore: real(),
    predictedBand: text(),
    predicted: jsonb(),
    lastError: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index().on(t.workspaceId, t.permalink), index().on(t.profileId, t.externalId)],
);

/** A secret calendar feed of a workspace (profileId null) or of one profile; the token is stored hashed. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    profileId: uuid().references(() => socialProfiles.id, { onDelete: "cascade" }),
    tokenHash: text().notNull().unique(),
    replyBlocks: boolean().notNull().default(true),
    replyBlockMinutes: integer().notNull().default(30),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.workspaceId)],
);
