/**
 * The draft's other fields (profile, type, format, planned time, labels, first comment, notes).
 * Memoized: typing in the caption re-renders the caption, counters, score and preview, not these.
 */
import { FORMAT_LABELS, FORMATS } from "@rapport/core";
import { Select, Textarea, TextField } from "@rapport/ui";
import { memo } from "react";
import { fieldError, type UserFacingError } from "~/utils/errors";
import type { Fields } from "./draft-fields";

type DetailKeys =
  "profileId" | "contentType" | "format" | "plannedAt" | "labels" | "firstComment" | "notes";

export const DraftDetailsFields = memo(function DraftDetailsFields({
  values,
  set,
  saveError,
  canEdit,
  typeOptions,
  profiles,
}: {
  values: Pick<Fields, DetailKeys>;
  set: <K extends keyof Fields>(key: K, value: Fields[K]) => void;
  saveError: UserFacingError | null;
  canEdit: boolean;
  typeOptions: { value: string; label: string }[];
  profiles: readonly {
    id: string;
    displayName: string;
    handle: string;
    platform: string;
    timeZone: string;
  }[];
}) {
  const profile = profiles.find((p) => p.id === values.profileId);
  return (
    <>
      <div className="details-grid">
        <Select
          label="Profile"
          name="profileId"
          value={values.profileId}
          error={fieldError(saveError, "profileId")}
          onChange={(e) => set("profileId", e.currentTarget.value)}
          disabled={!canEdit}
          options={profiles.map((p) => ({
            value: p.id,
            label: `${p.displayName} (@${p.handle}, ${p.platform})`,
          }))}
        />
        <Select
          label="Content type"
          name="contentType"
          value={values.contentType}
          placeholder="Choose a content type"
          error={fieldError(saveError, "contentType")}
          onChange={(e) => set("contentType", e.currentTarget.value)}
          disabled={!canEdit}
          options={typeOptions}
        />
        <Select
          label="Format"
          name="format"
          value={values.format}
          placeholder="Choose a format"
          error={fieldError(saveError, "format")}
          onChange={(e) => set("format", e.currentTarget.value)}
          disabled={!canEdit}
          options={FORMATS.map((f) => ({ value: f, label: FORMAT_LABELS[f] }))}
        />
        <TextField
          label="Planned time"
          name="plannedAt"
          type="datetime-local"
          value={values.plannedAt}
          onChange={(e) => set("plannedAt", e.currentTarget.value)}
          error={fieldError(saveError, "plannedAt")}
          readOnly={!canEdit}
          description={
            profile
              ? `On @${profile.handle}'s clock (${profile.timeZone}), whatever time zone you are in.`
              : "On the profile's clock."
          }
        />
        <TextField
          label="Labels"
          name="labels"
          value={values.labels}
          onChange={(e) => set("labels", e.currentTarget.value)}
          error={fieldError(saveError, "labels")}
          readOnly={!canEdit}
          description="Separate with commas."
        />
      </div>
      <Textarea
        label="First comment"
        name="firstComment"
        rows={2}
        value={values.firstComment}
        onChange={(e) => set("firstComment", e.currentTarget.value)}
        error={fieldError(saveError, "firstComment")}
        readOnly={!canEdit}
      />
      <Textarea
        label="Notes"
        name="notes"
        rows={2}
        value={values.notes}
        onChange={(e) => set("notes", e.currentTarget.value)}
        error={fieldError(saveError, "notes")}
        readOnly={!canEdit}
        description="Only your team sees these."
      />
    </>
  );
});
