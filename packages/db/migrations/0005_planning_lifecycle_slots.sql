CREATE TABLE "draft_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"workspace_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" uuid,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posting_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"profile_id" uuid NOT NULL,
	"weekday" integer NOT NULL,
	"local_time" text NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"evidence" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "posting_slots_profileId_weekday_localTime_unique" UNIQUE("profile_id","weekday","local_time"),
	CONSTRAINT "posting_slots_weekday_check" CHECK (weekday between 0 and 6),
	CONSTRAINT "posting_slots_local_time_check" CHECK (local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')
);
--> statement-breakpoint
ALTER TABLE "workspaces" ADD COLUMN "approvals_required" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "planned_local" text;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "is_example" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "draft_transitions" ADD CONSTRAINT "draft_transitions_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_transitions" ADD CONSTRAINT "draft_transitions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "draft_transitions" ADD CONSTRAINT "draft_transitions_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_slots" ADD CONSTRAINT "posting_slots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_slots" ADD CONSTRAINT "posting_slots_profile_workspace_fk" FOREIGN KEY ("profile_id","workspace_id") REFERENCES "public"."social_profiles"("id","workspace_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "draft_transitions_draft_id_created_at_index" ON "draft_transitions" USING btree ("draft_id","created_at");--> statement-breakpoint
CREATE INDEX "draft_transitions_workspace_id_to_status_created_at_index" ON "draft_transitions" USING btree ("workspace_id","to_status","created_at");--> statement-breakpoint
CREATE INDEX "drafts_workspace_id_planned_at_index" ON "drafts" USING btree ("workspace_id","planned_at");--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_status_check" CHECK (status in ('draft', 'in_review', 'approved', 'scheduled', 'publishing', 'published', 'failed', 'needs_action', 'cancelled', 'archived'));