/** The drafts list's filters: a GET form, so a filtered list is a link and works without JavaScript. */
import { DRAFT_SORTS, DRAFT_STATUSES, DRAFT_STATUS_LABELS } from "@rapport/api/draft-schemas";
import { PLATFORM_LABELS } from "@rapport/core";
import { Button, Select, TextField } from "@rapport/ui";
import { Form, useSearchParams } from "@remix-run/react";
import type { DraftsData } from "~/routes/w.$workspaceId.drafts._index";

const SORT_LABELS: Record<(typeof DRAFT_SORTS)[number], string> = {
  updated: "Last edited",
  score: "Score (best first)",
  planned: "Planned time",
};

export function DraftFilters({
  contentTypes,
  profiles,
  labels,
}: Pick<DraftsData, "contentTypes" | "profiles" | "labels">) {
  const [params] = useSearchParams();
  return (
    <Form method="get" className="draft-filters" role="search" aria-label="Filter drafts">
      <TextField
        label="Search"
        name="q"
        type="search"
        defaultValue={params.get("q") ?? ""}
        placeholder="Words in the caption or notes"
      />
      <Select
        label="Content type"
        name="contentType"
        defaultValue={params.get("contentType") ?? ""}
        placeholder="Any type"
        options={contentTypes.map((t) => ({ value: t.key, label: t.label }))}
      />
      <Select
        label="Status"
        name="status"
        defaultValue={params.get("status") ?? ""}
        placeholder="Any status"
        options={DRAFT_STATUSES.map((s) => ({ value: s, label: DRAFT_STATUS_LABELS[s] }))}
      />
      <Select
        label="Profile"
        name="profileId"
        defaultValue={params.get("profileId") ?? ""}
        placeholder="Any profile"
        options={profiles.map((p) => ({
          value: p.id,
          label: `@${p.handle} (${PLATFORM_LABELS[p.platform]})`,
        }))}
      />
      <Select
        label="Label"
        name="label"
        defaultValue={params.get("label") ?? ""}
        placeholder="Any label"
        options={labels.map((l) => ({ value: l, label: l }))}
      />
      <Select
        label="Sort by"
        name="sort"
        defaultValue={params.get("sort") ?? "updated"}
        options={DRAFT_SORTS.map((s) => ({ value: s, label: SORT_LABELS[s] }))}
      />
      <Button type="submit" variant="secondary">
        Apply
      </Button>
    </Form>
  );
}
