/** Past posts with their metrics: rates per reach and per follower, quality, performance index, content type. */
import { CONTENT_TYPES, CONTENT_TYPE_LABELS, FORMAT_LABELS, type ContentType, type Format } from "@rapport/core";
import { Alert, Badge, Button, EmptyState, PageHeader, Select, Table, TextField } from "@rapport/ui";
import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useRevalidator, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import { useTRPC } from "~/trpc/react";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";
import { filtersFrom, whenLabel } from "~/utils/post-filters";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Posts · Rapport" }];

const SORTS = [
  { value: "publishedAt", label: "Date" },
  { value: "ratePerReach", label: "Interactions per reach" },
  { value: "ratePerFollower", label: "Interactions per follower" },
  { value: "quality", label: "Interaction quality" },
  { value: "reach", label: "Reach" },
  { value: "comments", label: "Comments" },
  { value: "shares", label: "Shares" },
  { value: "likes", label: "Likes" },
] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const f = filtersFrom(new URL(request.url));
  const api = await serverApi(request);
  const profiles = await orResponse(api.socialProfile.list({ workspaceId }));
  const sort = SORTS.some((s) => s.value === f.sort) ? (f.sort as (typeof SORTS)[number]["value"]) : "publishedAt";
  const contentType = f.contentType === "none" || (CONTENT_TYPES as readonly string[]).includes(f.contentType ?? "") ? (f.contentType as ContentType | "none") : undefined;
  try {
    const list = await api.post.list({
      workspaceId,
      profileId: profiles.some((p) => p.id === f.profileId) ? f.profileId : undefined,
      from: f.from,
      to: f.to,
      contentType,
      sort,
      dir: f.dir === "asc" ? "asc" : "desc",
      page: f.page,
      pageSize: 50,
    });
    return { profiles, list, error: null };
  } catch (e) {
    const message = e instanceof Error && "code" in e && (e as { code: string }).code === "BAD_REQUEST" ? "Check the filters: dates look like 2026-03-31." : null;
    if (!message) throw e;
    return data({ profiles, list: null, error: message }, { status: 400 });
  }
}

const nf = new Intl.NumberFormat("en");
const pct = (v: number | null) => (v === null ? "–" : `${(v * 100).toFixed(2)}%`);
// A count the source did not give is missing, which is not zero.
const num = (v: number | null) => (v === null ? <span className="muted">missing</span> : nf.format(v));

type Row = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["list"]>["rows"][number];

function ContentTypeCell({ workspaceId, row, canEdit }: { workspaceId: string; row: Row; canEdit: boolean }) {
  const trpc = useTRPC();
  const revalidator = useRevalidator();
  const save = useMutation(trpc.post.setContentType.mutationOptions({ onSuccess: () => revalidator.revalidate() }));
  const current = row.contentType ?? "";
  const label = row.contentType ? CONTENT_TYPE_LABELS[row.contentType as ContentType] ?? row.contentType : "Not set";
  // The select (every content type, on each of 50 rows) is drawn only when asked for: drawn on every
  // row, it was most of the page's 113 KB.
  const [choosing, setChoosing] = useState(false);
  if (!canEdit) return <>{label}</>;
  return (
    <div className="stack-tight">
      {choosing ? <Select
        autoFocus
        label={`Content type of the post ${row.caption ? `“${row.caption.slice(0, 30)}”` : whenLabel(row)}`}
        hideLabel
        name="contentType"
        value={current}
        disabled={save.isPending}
        onChange={(e) => save.mutate({ workspaceId, postId: row.id, contentType: (e.target.value || null) as ContentType | null })}
        options={[{ value: "", label: "Not set" }, ...CONTENT_TYPES.map((t) => ({ value: t, label: CONTENT_TYPE_LABELS[t] }))]}
      /> : (
        <span className="inline-form">
          {label}
          <Button size="sm" variant="ghost" onClick={() => setChoosing(true)} aria-label={`Change the content type of the post ${row.caption ? `“${row.caption.slice(0, 30)}”` : whenLabel(row)}`}>
            Change
          </Button>
        </span>
      )}
      {!row.contentType && row.suggestedContentType ? (
        <span className="inline-form">
          <Badge tone="info">Suggested: {CONTENT_TYPE_LABELS[row.suggestedContentType as ContentType]}</Badge>
          <Button size="sm" variant="secondary" disabled={save.isPending} onClick={() => save.mutate({ workspaceId, postId: row.id, contentType: row.suggestedContentType as ContentType })}>
            Confirm
          </Button>
        </span>
      ) : null}
      {row.contentTypeSource === "confirmed" ? <span className="muted">Confirmed</span> : null}
      {row.contentTypeSource === "imported" ? <span className="muted">From the file</span> : null}
      {save.error ? <span role="alert" className="inline-error">{save.error.message}</span> : null}
    </div>
  );
}

export default function PostsPage() {
  const { profiles, list, error } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const [params] = useSearchParams();
  const canEdit = workspace.role !== "viewer";
  const pageHref = (page: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(page));
    return `?${next.toString()}`;
  };
  const exportHref = `/w/${workspace.id}/posts/export.csv?${params.toString()}`;
  const pages = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  // Clicks only where a source counts them (Meta's Facebook exports do; Instagram's do not).
  const hasClicks = list ? list.rows.some((r) => r.clicks !== null) : false;
  return (
    <>
      <PageHeader
        title="Posts"
        description="Your past posts with what they earned. Rates name what they are measured over: per reach (people who saw the post) or per follower."
        actions={list && list.total > 0 ? <a href={exportHref} download>Export CSV</a> : null}
      />
      <Form method="get" className="filters" aria-label="Filter posts">
        <Select label="Profile" name="profile" defaultValue={params.get("profile") ?? ""} options={[{ value: "", label: "All profiles" }, ...profiles.map((p) => ({ value: p.id, label: `@${p.handle}` }))]} />
        <Select label="Content type" name="type" defaultValue={params.get("type") ?? ""} options={[{ value: "", label: "All" }, { value: "none", label: "Not set" }, ...CONTENT_TYPES.map((t) => ({ value: t, label: CONTENT_TYPE_LABELS[t] }))]} />
        <TextField label="From" name="from" type="date" defaultValue={params.get("from") ?? ""} />
        <TextField label="To" name="to" type="date" defaultValue={params.get("to") ?? ""} />
        <Select label="Sort by" name="sort" defaultValue={params.get("sort") ?? "publishedAt"} options={SORTS.map((s) => ({ value: s.value, label: s.label }))} />
        <Select label="Order" name="dir" defaultValue={params.get("dir") ?? "desc"} options={[{ value: "desc", label: "Highest / newest first" }, { value: "asc", label: "Lowest / oldest first" }]} />
        <Button type="submit" variant="secondary">Apply</Button>
      </Form>
      {error ? <Alert tone="danger">{error}</Alert> : null}
      {list && list.total === 0 ? (
        <EmptyState title="No posts yet" description="Import your history to see what drove interaction." action={<Link to={`/w/${workspace.id}/import`}>Import past posts</Link>} />
      ) : null}
      {list && list.total > 0 ? (
        <>
          <p className="muted" data-testid="posts-total">
            {nf.format(list.total)} posts · page {list.page} of {pages}
          </p>
          <div className="table-scroll">
            <Table caption="Past posts with their metrics" hideCaption>
              <thead>
                <tr>
                  <th scope="col">Post</th>
                  <th scope="col">Content type</th>
                  <th scope="col" className="num">Reach</th>
                  <th scope="col" className="num">Likes</th>
                  <th scope="col" className="num">Comments</th>
                  <th scope="col" className="num">Shares</th>
                  <th scope="col" className="num">Saves</th>
                  {hasClicks ? <th scope="col" className="num">Clicks</th> : null}
                  <th scope="col" className="num">Interactions per reach</th>
                  <th scope="col" className="num">Interactions per follower</th>
                  <th scope="col" className="num">Interaction quality</th>
                  <th scope="col">Performance</th>
                </tr>
              </thead>
              <tbody>
                {list.rows.map((r) => (
                  <tr key={r.id}>
                    <td className="caption-cell">
                      {/* On the clock of the post's profile. */}
                      <strong>{whenLabel(r, profiles.find((p) => p.id === r.profileId)?.timeZone)}</strong>
                      <br />
                      <span className="muted">
                        {[r.sourceType ? `${r.sourceType} (file's type)` : null, r.format ? FORMAT_LABELS[r.format as Format] : null].filter(Boolean).join(" · ")}
                      </span>
                      {r.caption ? <><br />{r.caption.length > 120 ? `${r.caption.slice(0, 120)}…` : r.caption}</> : null}
                    </td>
                    <td><ContentTypeCell workspaceId={workspace.id} row={r} canEdit={canEdit} /></td>
                    <td className="num">{num(r.reach)}</td>
                    <td className="num">{num(r.likes)}</td>
                    <td className="num">{num(r.comments)}</td>
                    <td className="num">{num(r.shares)}</td>
                    <td className="num">{num(r.saves)}</td>
                    {hasClicks ? <td className="num">{num(r.clicks)}</td> : null}
                    <td className="num">{pct(r.perReach)}</td>
                    <td className="num">{pct(r.perFollower)}</td>
                    <td className="num">
                      {r.quality ? `${(r.quality.value * 100).toFixed(2)}` : "–"}
                      {r.quality ? <span className="muted"> per 100 {r.quality.denominator === "reach" ? "reached" : r.quality.denominator}</span> : null}
                    </td>
                    <td>{r.performanceIndex ? r.performanceIndex.label : <span className="muted">not enough earlier posts</span>}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
          <nav className="inline-form" aria-label="Pages">
            {list.page > 1 ? <Link to={pageHref(list.page - 1)}>Previous page</Link> : null}
            {list.page < pages ? <Link to={pageHref(list.page + 1)}>Next page</Link> : null}
          </nav>
          <p className="muted">Interaction quality weighs a comment 10, a share 3, a save 2 and a like 1, per 100 people reached.</p>
        </>
      ) : null}
    </>
  );
}
