/** Import past posts: upload, watch the dry run, confirm (or cancel), download rejected rows. */
import { Alert, Button, Card, EmptyState, PageHeader, ProgressBar, Table } from "@rapport/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { ImportUploader, IMPORT_KINDS } from "~/components/import-uploader";
import { useTRPC } from "~/trpc/react";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Import · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const api = await serverApi(request);
  const [profiles, recent] = await Promise.all([
    orResponse(api.socialProfile.list({ workspaceId })),
    orResponse(api.import.list({ workspaceId })),
  ]);
  return { profiles, recent };
}

const nf = new Intl.NumberFormat("en");
const RUNNING = new Set(["uploaded", "analysing", "committing"]);
const kindLabel = (k: string) => IMPORT_KINDS.find((x) => x.value === k)?.label ?? k;

function JobPanel({ workspaceId, importId, onClose }: { workspaceId: string; importId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const revalidator = useRevalidator();
  const status = useQuery({
    ...trpc.import.status.queryOptions({ workspaceId, importId }),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && !RUNNING.has(q.state.data.status) ? false : 700),
  });
  const rejected = useQuery({
    ...trpc.import.rejections.queryOptions({ workspaceId, importId, limit: 20 }),
    enabled: !!status.data && !RUNNING.has(status.data.status) && status.data.rejectedCount > 0,
  });
  const commit = useMutation(trpc.import.commit.mutationOptions({ onSuccess: () => void status.refetch() }));
  const cancel = useMutation(trpc.import.cancel.mutationOptions({ onSuccess: () => void status.refetch() }));
  const s = status.data;
  useEffect(() => {
    if (s && !RUNNING.has(s.status)) revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- revalidate once per status change
  }, [s?.status]);
  if (status.error) return <Alert tone="danger">{status.error.message}</Alert>;
  if (!s) return <p className="muted">Loading the import…</p>;
  const running = RUNNING.has(s.status);
  const phase = s.status === "committing" ? "Importing" : "Reading the file";
  return (
    <Card title={`${s.fileName}`} description={`${kindLabel(s.kind)} into @${s.profileHandle}`} headingLevel={2}>
      <div className="stack" aria-live="polite">
        {running ? (
          <>
            <ProgressBar label={phase} value={s.bytesProcessed} max={Math.max(s.fileBytes, 1)} valueText={`${nf.format(s.rowsProcessed)} rows processed`} />
            <p className="muted">You can leave this page: the work continues, and this preview comes back when you return.</p>
          </>
        ) : null}
        {s.status === "failed" ? <Alert tone="danger" title="The file could not be imported">{s.error}</Alert> : null}
        {s.error && s.status === "previewed" ? <Alert tone="warning">{s.error}</Alert> : null}
        {s.status === "previewed" || s.status === "done" || s.status === "cancelled" ? (
          <>
            <h3 className="section-title">{s.status === "done" ? "Imported" : s.status === "cancelled" ? "Cancelled: nothing was written" : "Preview: nothing written yet"}</h3>
            <dl className="facts import-counts">
              <div><dt>New posts</dt><dd data-testid="count-new">{nf.format(s.newCount)}</dd></div>
              <div><dt>Updated</dt><dd data-testid="count-updated">{nf.format(s.updatedCount)}</dd></div>
              {s.status !== "done" ? <div><dt>Unchanged</dt><dd data-testid="count-unchanged">{nf.format(s.unchangedCount)}</dd></div> : null}
              <div><dt>Rejected rows</dt><dd data-testid="count-rejected">{nf.format(s.rejectedCount)}</dd></div>
            </dl>
          </>
        ) : null}
        {s.rejectedCount > 0 && !running ? (
          <div className="stack">
            <Table caption={`First rejected rows (of ${nf.format(s.rejectedCount)})`}>
              <thead><tr><th scope="col" className="num">Row</th><th scope="col">Reason</th></tr></thead>
              <tbody>
                {(rejected.data ?? []).map((r) => (
                  <tr key={r.row}><td className="num">{r.row}</td><td>{r.reason}</td></tr>
                ))}
              </tbody>
            </Table>
            <p>
              <a href={`/w/${workspaceId}/import/${importId}/rejected.csv`} download>
                Download all rejected rows with reasons (CSV)
              </a>
            </p>
          </div>
        ) : null}
        {commit.error ? <Alert tone="danger">{commit.error.message}</Alert> : null}
        {cancel.error ? <Alert tone="danger">{cancel.error.message}</Alert> : null}
        <div className="inline-form">
          {s.status === "previewed" ? (
            <>
              <Button onClick={() => commit.mutate({ workspaceId, importId })} disabled={commit.isPending || s.newCount + s.updatedCount === 0}>
                {s.newCount + s.updatedCount === 0 ? "Nothing to import" : `Import ${nf.format(s.newCount + s.updatedCount)} posts`}
              </Button>
              <Button variant="secondary" onClick={() => cancel.mutate({ workspaceId, importId })} disabled={cancel.isPending}>
                Cancel
              </Button>
            </>
          ) : null}
          {s.status === "done" ? (
            <Link to={`/w/${workspaceId}/posts`}>See your posts</Link>
          ) : null}
          {!running ? (
            <Button variant="secondary" onClick={onClose}>
              Import another file
            </Button>
          ) : null}
        </div>
      </div>
    </Card>
  );
}

export default function ImportPage() {
  const { profiles, recent } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const [params, setParams] = useSearchParams();
  const job = params.get("job");
  const canEdit = workspace.role !== "viewer";
  return (
    <>
      <PageHeader
        title="Import past posts"
        description="Bring your history: a Meta Business Suite export, the UCI Facebook metrics file, Instagram's posts JSON or a follower history. You see what would change before anything is written."
      />
      <div className="grid-2">
        <section aria-labelledby="import-title" className="stack">
          <h2 id="import-title" className="visually-hidden">Import a file</h2>
          {job ? (
            <JobPanel workspaceId={workspace.id} importId={job} onClose={() => setParams({})} />
          ) : profiles.length === 0 ? (
            <EmptyState title="Add a profile first" description="Imports go into one of your profiles." action={<Link to={`/w/${workspace.id}/profiles`}>Add a profile</Link>} headingLevel={3} />
          ) : !canEdit ? (
            <Alert tone="info">Importing needs the editor role; you are a viewer.</Alert>
          ) : (
            <Card title="Upload a file" headingLevel={2}>
              <ImportUploader
                workspaceId={workspace.id}
                profiles={profiles.map((p) => ({ id: p.id, label: `${p.displayName} (@${p.handle})` }))}
                onStarted={(id) => setParams({ job: id })}
              />
            </Card>
          )}
        </section>
        <section aria-labelledby="recent-title">
          <h2 id="recent-title" className="section-title">Recent imports</h2>
          {recent.length === 0 ? (
            <p className="muted">No imports yet.</p>
          ) : (
            <ul className="plain-list">
              {recent.map((r) => (
                <li key={r.id} className="row-between">
                  <span>
                    <Link to={`?job=${r.id}`}>{r.fileName}</Link>
                    <br />
                    <span className="muted">
                      @{r.profileHandle} · {r.status === "done" ? `${nf.format(r.newCount)} new, ${nf.format(r.updatedCount)} updated` : r.status}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
