/** The editor's form fields and how they map to and from a saved draft (shared by its hooks and cards). */
import type { AppRouter } from "@rapport/api";
import type { inferRouterOutputs } from "@trpc/server";
import { plannedInputValue } from "~/utils/planned-time";

/** A draft as the server returns it (the newer version a conflict carries has this shape). */
export type DraftOutput = Extract<
  inferRouterOutputs<AppRouter>["draft"]["update"],
  { status: "conflict" }
>["current"];

export type DraftMedia = DraftOutput["media"];

export interface Fields {
  profileId: string;
  contentType: string;
  format: string;
  caption: string;
  firstComment: string;
  notes: string;
  labels: string;
  plannedAt: string;
}

type ServerDraft = Pick<
  DraftOutput,
  | "profileId"
  | "contentType"
  | "format"
  | "caption"
  | "firstComment"
  | "notes"
  | "labels"
  | "status"
  | "version"
> & {
  plannedAt: Date | string | null;
};

/** The form's fields; the planned time on the clock of the draft's profile (`timeZone`). */
export function fieldsFrom(d: ServerDraft, timeZone: string): Fields {
  return {
    profileId: d.profileId,
    contentType: d.contentType ?? "",
    format: d.format ?? "",
    caption: d.caption,
    firstComment: d.firstComment,
    notes: d.notes,
    labels: d.labels.join(", "),
    plannedAt: plannedInputValue(d.plannedAt, timeZone),
  };
}

export function parseLabels(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
}

export const storageKey = (draftId: string) => `rapport:draft:${draftId}`;
export const sameFields = (a: Fields, b: Fields) => JSON.stringify(a) === JSON.stringify(b);

export type SaveState = "saved" | "unsaved" | "saving" | "error" | "conflict";
