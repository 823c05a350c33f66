/**
 * The reminder page: everything needed to post by hand (caption and first comment to copy, media to
 * download), then "Mark as published" with the live post's link. Also shows a webhook post's
 * deliveries, and offers Retry when publishing failed.
 */
import { Alert, Badge, Button, Card, CopyButton, PageHeader, TextField } from "@rapport/ui";
import { DeliveryTable } from "~/components/delivery-table";
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { asFormResult, orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { uuidParam, workspaceIdParam } from "~/utils/params";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Publish · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const draftId = uuidParam(params, "draftId", "Post not found.");
  const api = await serverApi(request);
  return orResponse(api.publishing.reminder({ workspaceId, draftId }));
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("published"),
    permalink: z.string().trim().min(1, { error: "Paste the link of the live post." }),
    version: z.coerce.number().int(),
  }),
  z.object({ intent: z.literal("retry"), version: z.coerce.number().int() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const draftId = uuidParam(params, "draftId", "Post not found.");
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data(
      { error: parsed.error.issues[0]?.message ?? "Check the form.", done: null },
      { status: 400 },
    );
  const api = await serverApi(request);
  const v = parsed.data;
  if (v.intent === "published") {
    const r = await asFormResult(
      api.publishing.markPublished({
        workspaceId,
        draftId,
        permalink: v.permalink,
        expectedVersion: v.version,
      }),
    );
    if (!r.ok) return data({ error: r.error, done: null }, { status: r.status });
    return data({ error: null, done: "Marked as published." });
  }
  const r = await asFormResult(
    api.publishing.retry({ workspaceId, draftId, expectedVersion: v.version }),
  );
  if (!r.ok) return data({ error: r.error, done: null }, { status: r.status });
  return data({ error: null, done: "Scheduled again: it goes out now." });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const STATUS_TONE: Record<string, "neutral" | "accent" | "success" | "warning" | "danger"> = {
  scheduled: "accent",
  publishing: "accent",
  published: "success",
  needs_action: "warning",
  failed: "danger",
};
const STATUS_LABEL: Record<string, string> = {
  needs_action: "Needs action",
  published: "Published",
  failed: "Failed",
  scheduled: "Scheduled",
  publishing: "Publishing",
};

export default function PublishPage() {
  const r = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace } = useWorkspace();
  const busy = useNavigation().state === "submitting";
  const canAct = workspace.role !== "viewer";
  const base = `/w/${workspace.id}`;
  return (
    <>
      <PageHeader
        title={`Post on @${r.profile.handle}`}
        description={
          r.plannedLocal
            ? `Planned for ${r.plannedLocal.replace("T", " ")} (${r.profile.timeZone}).`
            : "No planned time."
        }
        actions={
          <Badge tone={STATUS_TONE[r.status] ?? "neutral"} data-testid="publish-status">
            {STATUS_LABEL[r.status] ?? r.status}
          </Badge>
        }
      />
      {actionData?.done ? (
        <Alert tone="success" role="status">
          {actionData.done}
        </Alert>
      ) : null}
      {actionData?.error ? <Alert tone="danger">{actionData.error}</Alert> : null}
      {r.status === "failed" && r.publication?.lastError ? (
        <Alert tone="danger">Publishing failed: {r.publication.lastError}</Alert>
      ) : null}

      <Card
        title="Caption"
        headingLevel={2}
        actions={<CopyButton text={r.caption} label="Copy caption" />}
      >
        <pre className="conflict-text" data-testid="reminder-caption">
          {r.caption || "(no caption)"}
        </pre>
      </Card>
      {r.firstComment ? (
        <Card
          title="First comment"
          headingLevel={2}
          actions={<CopyButton text={r.firstComment} label="Copy first comment" />}
        >
          <pre className="conflict-text">{r.firstComment}</pre>
        </Card>
      ) : null}
      <Card
        title="Media"
        description={
          r.media.length
            ? `${r.media.length} file${r.media.length === 1 ? "" : "s"}, in posting order.`
            : "This post has no media."
        }
        headingLevel={2}
      >
        {r.media.length ? (
          <ol>
            {r.media.map((m, i) => (
              <li key={m.id}>
                <a href={`${base}/media/${m.id}`} download={m.originalName ?? `media-${i + 1}`}>
                  Download {m.originalName ?? `file ${i + 1}`} ({m.mimeType})
                </a>
              </li>
            ))}
          </ol>
        ) : null}
      </Card>

      {r.status === "published" && r.publication?.permalink ? (
        <Card title="Live post" headingLevel={2}>
          <p>
            <a
              href={r.publication.permalink}
              rel="noreferrer"
              target="_blank"
              data-testid="permalink"
            >
              {r.publication.permalink}
            </a>
          </p>
        </Card>
      ) : null}

      {r.results.state === "waiting" ? (
        <Card title="Results" headingLevel={2} data-testid="results">
          <p>
            Waiting for this post's metrics: import your posts (or type this one in) and it is
            matched by its link or post id.
          </p>
        </Card>
      ) : null}
      {r.results.state === "measured" ? (
        <Card
          title="Results: predicted and actual"
          description={
            r.results.denominator
              ? `Interactions per ${r.results.denominator}, one post.`
              : undefined
          }
          headingLevel={2}
          data-testid="results"
        >
          <p>
            Predicted:{" "}
            {r.results.predicted.rate
              ? `${pct(r.results.predicted.rate.low)} to ${pct(r.results.predicted.rate.high)} (${Math.round(r.results.predicted.rate.level * 100)}% range, learned from ${r.results.predicted.rate.n} posts)`
              : "no number (the scorer gave direction only)"}
            {r.results.predicted.band ? `, ${r.results.predicted.band}` : ""}.
          </p>
          <p>
            Actual:{" "}
            {r.results.actual.rate !== null
              ? `${pct(r.results.actual.rate)} (${r.results.actual.interactions} interactions / ${r.results.actual.denominatorValue} ${r.results.denominator})`
              : "not enough metrics to compare (the import lacks interactions or the denominator)"}
            {r.results.inRange === null
              ? ""
              : r.results.inRange
                ? ", inside the predicted range."
                : ", outside the predicted range."}
          </p>
        </Card>
      ) : null}

      {canAct && (r.status === "needs_action" || r.status === "failed") ? (
        <Card
          title="Mark as published"
          description="Once it is live, paste its link: Rapport links the post to its results when you import them."
          headingLevel={2}
        >
          <Form method="post" className="stack narrow">
            <input type="hidden" name="intent" value="published" />
            <input type="hidden" name="version" value={r.version} />
            <TextField
              label="Link to the live post"
              name="permalink"
              type="url"
              required
              placeholder="https://www.instagram.com/p/…"
            />
            <Button type="submit" disabled={busy}>
              {busy ? "Saving…" : "Mark as published"}
            </Button>
          </Form>
        </Card>
      ) : null}
      {canAct && r.status === "failed" ? (
        <Form method="post">
          <input type="hidden" name="intent" value="retry" />
          <input type="hidden" name="version" value={r.version} />
          <Button type="submit" variant="secondary" disabled={busy}>
            Retry publishing
          </Button>
        </Form>
      ) : null}

      {r.deliveries.length ? (
        <Card title="Webhook deliveries" headingLevel={2}>
          <DeliveryTable rows={r.deliveries} />
        </Card>
      ) : null}
    </>
  );
}
