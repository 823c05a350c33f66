/** Your notifications in this workspace: reminders that came due and posts that failed, newest first. */
import { Alert, Badge, Button, Card, EmptyState, PageHeader } from "@rapport/ui";
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { asFormResult, orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";

export const meta: MetaFunction = () => [{ title: "Notifications · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const api = await serverApi(request);
  return { items: await orResponse(api.notification.list({ workspaceId })), workspaceId };
}

const ActionSchema = z.object({ id: z.uuid().optional() });

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "That notification does not exist." }, { status: 400 });
  const api = await serverApi(request);
  const r = await asFormResult(
    api.notification.markRead({ workspaceId, ids: parsed.data.id ? [parsed.data.id] : null }),
  );
  if (!r.ok) return data({ error: r.error }, { status: r.status });
  return data({ error: null });
}

const KIND_LABEL: Record<string, string> = { reminder: "Reminder", "publish-failed": "Failed" };

export default function Notifications() {
  const { items } = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const unread = items.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`${unread} unread of the last ${items.length}.`}
        actions={
          unread > 0 ? (
            <Form method="post">
              <Button type="submit" variant="secondary" disabled={busy}>
                {busy ? "Marking…" : "Mark all as read"}
              </Button>
            </Form>
          ) : null
        }
      />
      {items.length === 0 ? (
        <EmptyState
          title="Nothing yet"
          description="When a reminder comes due or a post cannot be published, it shows here and in your email."
          headingLevel={2}
        />
      ) : (
        <ul className="stack" aria-label="Notifications">
          {items.map((n) => (
            <li key={n.id}>
              <Card
                title={n.href ? <Link to={n.href}>{n.title}</Link> : n.title}
                description={new Date(n.createdAt).toLocaleString()}
                headingLevel={2}
                actions={
                  <>
                    <Badge tone={n.kind === "publish-failed" ? "danger" : "warning"}>
                      {KIND_LABEL[n.kind] ?? n.kind}
                    </Badge>
                    {n.readAt ? (
                      <Badge tone="neutral">Read</Badge>
                    ) : (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="id" value={n.id} />
                        <Button type="submit" variant="ghost" size="sm" disabled={busy}>
                          Mark as read
                        </Button>
                      </Form>
                    )}
                  </>
                }
              >
                {n.body ? <p>{n.body}</p> : null}
              </Card>
            </li>
          ))}
        </ul>
      )}
      <Alert tone="info">
        Reminders also go to your email; without an email server they are kept in the workspace's
        outbox (Settings).
      </Alert>
    </>
  );
}
