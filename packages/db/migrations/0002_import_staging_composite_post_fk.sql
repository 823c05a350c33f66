CREATE TABLE "import_staged_posts" (
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"external_id" text NOT NULL,
	"published_at" timestamp with time zone,
	"slot_weekday" integer,
	"slot_hour" integer,
	"slot_month" integer,
	"content_type" text,
	"content_type_source" text,
	"format" text,
	"caption" text,
	"media_count" integer,
	"has_link" boolean,
	"paid" boolean,
	"followers" integer,
	"reach" integer,
	"impressions" integer,
	"views" integer,
	"likes" integer,
	"comments" integer,
	"shares" integer,
	"saves" integer,
	"clicks" integer,
	"extra" jsonb,
	CONSTRAINT "import_staged_posts_import_id_row_pk" PRIMARY KEY("import_id","row")
);
--> statement-breakpoint
ALTER TABLE "posts" DROP CONSTRAINT "posts_workspace_id_workspaces_id_fk";
--> statement-breakpoint
ALTER TABLE "posts" DROP CONSTRAINT "posts_profile_id_social_profiles_id_fk";
--> statement-breakpoint
ALTER TABLE "import_staged_posts" ADD CONSTRAINT "import_staged_posts_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_profiles" ADD CONSTRAINT "social_profiles_id_workspaceId_unique" UNIQUE("id","workspace_id");--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_profile_workspace_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."social_profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;