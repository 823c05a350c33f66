CREATE TABLE "insight_snapshots" (
	"workspace_id" uuid NOT NULL,
	"key" text NOT NULL,
	"data_version" bigint NOT NULL,
	"result" text NOT NULL,
	"compute_ms" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "insight_snapshots_workspace_id_key_pk" PRIMARY KEY("workspace_id","key")
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "data_version" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "insight_snapshots" ADD CONSTRAINT "insight_snapshots_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Computed insights are served only while they carry their workspace's data version. These triggers
-- bump it in the same statement that changes what insights read, once per statement (not per row,
-- so a 100,000-row import pays for one small update), for every workspace the statement touched.
CREATE FUNCTION "bump_workspace_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		UPDATE "workspaces" SET "data_version" = "data_version" + 1 WHERE "id" IN (SELECT DISTINCT "workspace_id" FROM "old_rows");
	ELSE
		UPDATE "workspaces" SET "data_version" = "data_version" + 1 WHERE "id" IN (SELECT DISTINCT "workspace_id" FROM "new_rows");
	END IF;
	RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "posts_inserted" AFTER INSERT ON "posts" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_data_version"();--> statement-breakpoint
CREATE TRIGGER "posts_updated" AFTER UPDATE ON "posts" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_data_version"();--> statement-breakpoint
CREATE TRIGGER "posts_deleted" AFTER DELETE ON "posts" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_data_version"();--> statement-breakpoint
CREATE TRIGGER "follower_snapshots_inserted" AFTER INSERT ON "follower_snapshots" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_data_version"();--> statement-breakpoint
CREATE TRIGGER "follower_snapshots_updated" AFTER UPDATE ON "follower_snapshots" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_data_version"();--> statement-breakpoint
CREATE TRIGGER "follower_snapshots_deleted" AFTER DELETE ON "follower_snapshots" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_data_version"();--> statement-breakpoint
CREATE TRIGGER "social_profiles_inserted" AFTER INSERT ON "social_profiles" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_data_version"();--> statement-breakpoint
CREATE TRIGGER "social_profiles_updated" AFTER UPDATE ON "social_profiles" REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_data_version"();--> statement-breakpoint
CREATE TRIGGER "social_profiles_deleted" AFTER DELETE ON "social_profiles" REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "bump_workspace_data_version"();
