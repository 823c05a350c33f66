/**
 * Deleting a draft with undo: the row goes at once and a notice offers "Undo" for ten seconds; only
 * then is the draft deleted on the server. Leaving the page (or deleting another draft) carries the
 * pending deletion out straight away, so what the user saw deleted stays deleted.
 */
import { Alert, Button } from "@rapport/ui";
import { useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTRPCClient } from "~/trpc/react";
import { userError } from "~/utils/errors";

export const UNDO_WINDOW_MS = 10_000;

interface Pending {
  draftId: string;
  title: string;
}

export function useUndoableDelete(workspaceId: string) {
  const client = useTRPCClient();
  const revalidator = useRevalidator();
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Rows kept out of the list: the pending one, and deleted ones until the list reloads without them.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const show = useCallback(
    (id: string) =>
      setHidden((h) => {
        const next = new Set(h);
        next.delete(id);
        return next;
      }),
    [],
  );
  const pendingRef = useRef<Pending | null>(null);
  const timer = useRef<number | undefined>(undefined);

  const commit = useCallback(
    (p: Pending) => {
      window.clearTimeout(timer.current);
      if (pendingRef.current?.draftId === p.draftId) pendingRef.current = null;
      setPending((cur) => (cur?.draftId === p.draftId ? null : cur));
      client.draft.delete
        .mutate({ workspaceId, draftId: p.draftId })
        .then(() => revalidator.revalidate())
        .catch((e: unknown) => {
          setError(`“${p.title}” was not deleted: ${userError(e).message}`);
          show(p.draftId);
        });
    },
    [client, workspaceId, revalidator, show],
  );

  const remove = useCallback(
    (p: Pending) => {
      if (pendingRef.current) commit(pendingRef.current);
      setError(null);
      pendingRef.current = p;
      setPending(p);
      setHidden((h) => new Set(h).add(p.draftId));
      timer.current = window.setTimeout(() => commit(p), UNDO_WINDOW_MS);
    },
    [commit],
  );

  const undo = useCallback(() => {
    window.clearTimeout(timer.current);
    if (pendingRef.current) show(pendingRef.current.draftId);
    pendingRef.current = null;
    setPending(null);
  }, [show]);

  // Closing the tab or leaving the page sends the pending deletion at once.
  useEffect(() => {
    const flush = () => {
      const p = pendingRef.current;
      if (!p) return;
      pendingRef.current = null;
      window.clearTimeout(timer.current);
      // The drafts list's own form action (intent=delete), which outlives the page with keepalive.
      const body = new URLSearchParams({ intent: "delete", draftId: p.draftId });
      void fetch(`/w/${workspaceId}/drafts?index`, { method: "POST", keepalive: true, body });
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, [workspaceId]);

  return { hidden, pending, error, remove, undo };
}

export function UndoDeleteNotice({
  pending,
  error,
  onUndo,
}: {
  pending: Pending | null;
  error: string | null;
  onUndo: () => void;
}) {
  if (error) return <Alert tone="danger">{error}</Alert>;
  if (!pending) return null;
  return (
    <Alert tone="info" role="status" title="Draft deleted">
      <span className="undo-notice">
        <span>
          “{pending.title}” is deleted. You can undo this for {UNDO_WINDOW_MS / 1000} seconds.
        </span>
        <Button size="sm" variant="secondary" onClick={onUndo}>
          Undo
        </Button>
      </span>
    </Alert>
  );
}
