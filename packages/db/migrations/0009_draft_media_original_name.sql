ALTER TABLE "draft_media" ADD COLUMN "original_name" text;--> statement-breakpoint
-- Existing attachments keep the name their media row was first uploaded under.
UPDATE "draft_media" SET "original_name" = "media"."original_name" FROM "media" WHERE "media"."id" = "draft_media"."media_id";
