/** Import past posts: upload, watch the dry run, confirm (or cancel), download rejected rows. */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, Button, Card, EmptyState, PageHeader, ProgressBar, Select, Table, TextField } from "@rapport/ui";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator, useSearchParams } from "@remix-run/react";
import { fromLocalTime } from "@rapport/core";
import { z } from "zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { ImportUploader, IMPORT_KINDS } from "~/components/import-uploader";
import { useTRPC } from "~/trpc/react";
import { asFormResult, orResponse, replyWithFailure, serverApi } from "~/trpc/server";
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

// One post's metrics typed in: empty counts are unknown (missing), never zero.
const optionalCount = z.coerce.number({ error: "Enter a whole number." }).int("Enter a whole number.").min(0, "Counts cannot be negative.").optional();
const ManualPostFormSchema = z.object({
  profileId: z.uuid({ error: "Choose a profile." }),
  publishedAt: z.string({ error: "When was it posted?" }).regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Use the date and time picker."),
  caption: z.string().max(5000).optional(),
  reach: optionalCount,
  followers: optionalCount,
  likes: optionalCount,
  comments: optionalCount,
  shares: optionalCount,
  saves: optionalCount,
});

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const submission = parseWithZod(await request.formData(), { schema: ManualPostFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null, saved: false }, { status: 400 });
  const v = submission.value;
  const api = await serverApi(request);
  const profile = await asFormResult(api.socialProfile.get({ workspaceId, profileId: v.profileId }));
  if (!profile.ok) return data({ ...replyWithFailure(submission, profile), saved: false }, { status: profile.status });
  // The time typed is the profile's local time.
  const [d, t] = v.publishedAt.split("T") as [string, string];
  const [year, month, day] = d.split("-").map(Number) as [number, number, number];
  const [hour, minute] = t.split(":").map(Number) as [number, number];
  const epoch = fromLocalTime({ year, month, day, hour, minute }, profile.data.timeZone);
  if (epoch === null) return data({ result: submission.reply({ fieldErrors: { publishedAt: ["That time does not exist in the profile's time zone."] } }), error: null, saved: false }, { status: 400 });
  const publishedAt = new Date(epoch).toISOString();
  const result = await asFormResult(
    api.post.addManual({
      workspaceId,
      profileId: v.profileId,
      publishedAt,
      caption: v.caption ?? null,
      reach: v.reach ?? null,
      followers: v.followers ?? null,
      likes: v.likes ?? null,
      comments: v.comments ?? null,
      shares: v.shares ?? null,
      saves: v.saves ?? null,
    }),
  );
  if (!result.ok) return data({ ...replyWithFailure(submission, result), saved: false }, { status: result.status });
  return data({ result: submission.reply({ resetForm: true }), error: null, saved: true });
}

function ManualPostForm({ profiles }: { profiles: { id: string; label: string }[] }) {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "manual-post",
    lastResult: navigation.state === "idle" ? actionData?.result : null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ManualPostFormSchema }),
    shouldValidate: "onBlur",
  });
  const count = (f: typeof fields.likes, label: string) => (
    <TextField label={label} type="number" inputMode="numeric" min={0} name={f.name} defaultValue={f.initialValue as string | undefined} error={f.errors?.[0]} />
  );
  return (
    <Form method="post" {...getFormProps(form)} className="stack">
      {actionData?.saved ? <Alert tone="success" role="status">Saved the post.</Alert> : null}
      {actionData?.error ? <Alert tone="danger">{actionData.error}</Alert> : null}
      <Select label="Profile of this post" name={fields.profileId.name} options={profiles.map((p) => ({ value: p.id, label: p.label }))} error={fields.profileId.errors?.[0]} />
      <TextField label="Posted at (profile's local time)" type="datetime-local" name={fields.publishedAt.name} defaultValue={fields.publishedAt.initialValue} error={fields.publishedAt.errors?.[0]} required />
      <TextField label="Caption" name={fields.caption.name} defaultValue={fields.caption.initialValue} error={fields.caption.errors?.[0]} />
      <div className="grid-3">
        {count(fields.reach, "Reach")}
        {count(fields.followers, "Followers")}
        {count(fields.likes, "Likes")}
        {count(fields.comments, "Comments")}
        {count(fields.shares, "Shares")}
        {count(fields.saves, "Saves")}
      </div>
      <p className="muted">Leave a count empty when you don't know it: unknown is not zero.</p>
      <Button type="submit" variant="secondary">Save this post</Button>
    </Form>
  );
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

/** A failed or cancelled import wrote nothing: it can leave the list. */
function DismissImportButton({ workspaceId, importId, fileName }: { workspaceId: string; importId: string; fileName: string }) {
  const trpc = useTRPC();
  const revalidator = useRevalidator();
  const dismiss = useMutation(trpc.import.dismiss.mutationOptions({ onSuccess: () => revalidator.revalidate() }));
  return (
    <span className="row-actions">
      <Button variant="ghost" size="sm" aria-label={`Dismiss ${fileName}`} loading={dismiss.isPending} onClick={() => dismiss.mutate({ workspaceId, importId })}>
        Dismiss
      </Button>
      {dismiss.error ? <span role="alert" className="inline-error">{dismiss.error.message}</span> : null}
    </span>
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
                profiles={profiles.map((p) => ({ id: p.id, label: `${p.displayName} (@${p.handle})`, timeZone: p.timeZone, platform: p.platform }))}
                onStarted={(id) => setParams({ job: id })}
              />
            </Card>
          )}
          {!job && canEdit && profiles.length > 0 ? (
            <Card title="Or type in one post's metrics" headingLevel={2}>
              <ManualPostForm profiles={profiles.map((p) => ({ id: p.id, label: `${p.displayName} (@${p.handle})` }))} />
            </Card>
          ) : null}
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
                  {canEdit && (r.status === "failed" || r.status === "cancelled") ? (
                    <DismissImportButton workspaceId={workspace.id} importId={r.id} fileName={r.fileName} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
