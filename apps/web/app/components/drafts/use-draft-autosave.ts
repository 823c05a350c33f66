/**
 * The editor's state and its autosave: the fields as typed, the version they were edited from, and the
 * save loop (800 ms after the last key; unsaved typing kept in localStorage so a reload never loses
 * it). A save that finds a newer version gets the conflict, and the three ways out of it.
 */
import { DraftUpdateSchema, type DRAFT_STATUSES } from "@rapport/api/draft-schemas";
import type { Format } from "@rapport/core";
import { useNavigate } from "@remix-run/react";
import { useMutation } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPC } from "~/trpc/react";
import { userError, type UserFacingError } from "~/utils/errors";
import { plannedInstant } from "~/utils/planned-time";
import {
  fieldsFrom,
  parseLabels,
  sameFields,
  storageKey,
  type DraftOutput,
  type Fields,
  type SaveState,
} from "./draft-fields";

type Status = (typeof DRAFT_STATUSES)[number];

export function useDraftAutosave({
  workspaceId,
  draft,
  profiles,
  canEdit,
  onTakeTheirs,
}: {
  workspaceId: string;
  draft: Parameters<typeof fieldsFrom>[0] & { id: string; status: Status };
  profiles: readonly { id: string; timeZone: string }[];
  canEdit: boolean;
  /** Taking the other tab's version: what else the editor holds (its media) follows it. */
  onTakeTheirs: (theirs: DraftOutput) => void;
}) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const draftId = draft.id;

  // Planned times are on the profile's clock (each profile has its own time zone).
  const zoneOf = useCallback(
    (profileId: string) => profiles.find((p) => p.id === profileId)?.timeZone ?? "UTC",
    [profiles],
  );
  const [fields, setFields] = useState<Fields>(() => fieldsFrom(draft, zoneOf(draft.profileId)));
  const [version, setVersion] = useState(draft.version);
  const [status, setStatus] = useState(draft.status);
  const [dirty, setDirty] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [saveError, setSaveError] = useState<UserFacingError | null>(null);
  const [conflict, setConflict] = useState<DraftOutput | null>(null);
  const [restored, setRestored] = useState(false);

  const fieldsRef = useRef(fields);
  fieldsRef.current = fields;
  const versionRef = useRef(version);
  versionRef.current = version;
  const inFlight = useRef(false);

  // A reload never loses typing: restore what this browser had not saved yet.
  useEffect(() => {
    const raw = window.localStorage.getItem(storageKey(draftId));
    if (!raw) return;
    try {
      const stored = JSON.parse(raw) as { version: number; fields: Fields };
      if (!sameFields(stored.fields, fieldsFrom(draft, zoneOf(draft.profileId)))) {
        setFields(stored.fields);
        setVersion(stored.version);
        setDirty(true);
        setSaveState("unsaved");
        setRestored(true);
      } else {
        window.localStorage.removeItem(storageKey(draftId));
      }
    } catch {
      window.localStorage.removeItem(storageKey(draftId));
    }
    // Only on first load of this draft.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftId]);

  const update = useMutation(trpc.draft.update.mutationOptions());
  // `save` must not change when the mutation's state does: the autosave effect would then re-run
  // after a save and write the saved fields back to localStorage as if they were unsaved typing.
  const updateRef = useRef(update);
  updateRef.current = update;
  const create = useMutation(trpc.draft.create.mutationOptions());

  const payload = useCallback(
    (f: Fields, expectedVersion: number) => ({
      workspaceId,
      draftId,
      expectedVersion,
      profileId: f.profileId,
      contentType: f.contentType || null,
      format: (f.format || null) as Format | null,
      caption: f.caption,
      firstComment: f.firstComment,
      notes: f.notes,
      labels: parseLabels(f.labels),
      plannedAt: plannedInstant(f.plannedAt, zoneOf(f.profileId)),
    }),
    [workspaceId, draftId, zoneOf],
  );

  const [saveTick, setSaveTick] = useState(0);
  const save = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    const sent = fieldsRef.current;
    // Checked here with the procedure's own schema first: a draft that can't be saved as typed (a
    // caption over the limit) says why beside the field and is not sent, on every keystroke or reload.
    const input = payload(sent, versionRef.current);
    const checked = DraftUpdateSchema.safeParse(input);
    if (!checked.success) {
      inFlight.current = false;
      setSaveState("error");
      setSaveError(userError(checked.error));
      return;
    }
    setSaveState("saving");
    try {
      const result = await updateRef.current.mutateAsync(input);
      if (result.status === "conflict") {
        setConflict(result.current);
        setSaveState("conflict");
        return;
      }
      setVersion(result.draft.version);
      versionRef.current = result.draft.version;
      setSaveError(null);
      if (sameFields(sent, fieldsRef.current)) {
        setDirty(false);
        setSaveState("saved");
        window.localStorage.removeItem(storageKey(draftId));
      } else {
        window.localStorage.setItem(
          storageKey(draftId),
          JSON.stringify({ version: result.draft.version, fields: fieldsRef.current }),
        );
        setSaveState("unsaved");
        setSaveTick((t) => t + 1);
      }
    } catch (error) {
      setSaveState("error");
      setSaveError(userError(error, "The draft could not be saved."));
    } finally {
      inFlight.current = false;
    }
  }, [payload, draftId]);

  useEffect(() => {
    if (!dirty || conflict || !canEdit) return;
    window.localStorage.setItem(
      storageKey(draftId),
      JSON.stringify({ version: versionRef.current, fields }),
    );
    const timer = window.setTimeout(() => void save(), 800);
    return () => window.clearTimeout(timer);
  }, [fields, dirty, conflict, canEdit, draftId, save, saveTick]);

  /** Changes one field (stable: it only calls state setters). */
  const set = useCallback(<K extends keyof Fields>(key: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [key]: value }));
    setDirty(true);
    setSaveState("unsaved");
  }, []);

  // Conflict resolutions.
  const keepMine = () => {
    if (!conflict) return;
    setVersion(conflict.version);
    versionRef.current = conflict.version;
    setConflict(null);
    setSaveState("unsaved");
    setDirty(true);
    setSaveTick((t) => t + 1);
  };
  const takeTheirs = () => {
    if (!conflict) return;
    setFields(fieldsFrom(conflict, zoneOf(conflict.profileId)));
    setVersion(conflict.version);
    versionRef.current = conflict.version;
    onTakeTheirs(conflict);
    setConflict(null);
    setDirty(false);
    setSaveState("saved");
    window.localStorage.removeItem(storageKey(draftId));
  };
  const copyMine = async () => {
    if (!conflict) return;
    const mine = payload(fieldsRef.current, 1);
    const { draftId: _d, expectedVersion: _v, ...rest } = mine;
    try {
      const copy = await create.mutateAsync({ ...rest, status: "draft" });
      takeTheirs();
      navigate(`/w/${workspaceId}/drafts/${copy.id}`);
    } catch (error) {
      setSaveError(userError(error, "The copy could not be created."));
    }
  };

  /** A lifecycle move (submit, approve, schedule...) saved a new version, status and maybe time. */
  const applyLifecycle = (next: { version: number; status: Status; plannedLocal?: string }) => {
    setVersion(next.version);
    versionRef.current = next.version;
    setStatus(next.status);
    setSaveError(null);
    if (next.plannedLocal)
      setFields((f) => ({ ...f, plannedAt: next.plannedLocal ?? f.plannedAt }));
  };

  const statusText: Record<SaveState, string> = {
    saved: `Saved · version ${version}`,
    unsaved: "Unsaved changes (kept in this browser)",
    saving: "Saving…",
    error: "Not saved (kept in this browser)",
    conflict: "Not saved: changed in another tab",
  };

  return {
    zoneOf,
    fields,
    set,
    version,
    status,
    dirty,
    saveState,
    statusText: statusText[saveState],
    saveError,
    setSaveError,
    conflict,
    restored,
    keepMine,
    takeTheirs,
    copyMine,
    copying: create.isPending,
    applyLifecycle,
  };
}
