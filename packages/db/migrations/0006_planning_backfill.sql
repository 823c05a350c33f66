-- Planning (decision 701). Existing drafts get their planned wall-clock time on their profile's clock,
-- a first history row, and "scheduled" keeps its new meaning (the publisher will send it): a draft that
-- was only labelled scheduled without a future time goes back to draft, with the reason recorded.
UPDATE "drafts" AS d
SET "planned_at" = date_trunc('minute', d."planned_at"),
    "planned_local" = to_char(d."planned_at" AT TIME ZONE sp."time_zone", 'YYYY-MM-DD"T"HH24:MI')
FROM "social_profiles" AS sp
WHERE sp."id" = d."profile_id" AND d."planned_at" IS NOT NULL;
--> statement-breakpoint
INSERT INTO "draft_transitions" ("draft_id", "workspace_id", "from_status", "to_status", "actor_user_id", "comment", "created_at")
SELECT "id", "workspace_id", NULL, "status", "created_by", 'Status when the post history began; earlier changes were not recorded.', "created_at"
FROM "drafts";
--> statement-breakpoint
INSERT INTO "draft_transitions" ("draft_id", "workspace_id", "from_status", "to_status", "actor_user_id", "comment")
SELECT "id", "workspace_id", 'scheduled', 'draft', NULL, 'Back to draft: it was marked scheduled without a time in the future, and scheduled posts are now published automatically.'
FROM "drafts"
WHERE "status" = 'scheduled' AND ("planned_at" IS NULL OR "planned_at" <= now());
--> statement-breakpoint
UPDATE "drafts" SET "status" = 'draft', "version" = "version" + 1, "updated_at" = now()
WHERE "status" = 'scheduled' AND ("planned_at" IS NULL OR "planned_at" <= now());
--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_planned_local_check" CHECK (
  ("planned_at" IS NULL) = ("planned_local" IS NULL)
  AND ("planned_local" IS NULL OR "planned_local" ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}$')
);
