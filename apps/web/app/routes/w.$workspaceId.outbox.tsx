/** The workspace's emails (owners): what was sent, or, without an email server, what to read here instead. */
import { Badge, Card, EmptyState, PageHeader } from "@rapport/ui";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";

export const meta: MetaFunction = () => [{ title: "Outbox · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const api = await serverApi(request);
  return { emails: await orResponse(api.publishing.outbox({ workspaceId })) };
}

const STATUS: Record<
  string,
  { label: string; tone: "success" | "warning" | "danger" | "neutral" }
> = {
  sent: { label: "Sent", tone: "success" },
  logged: { label: "Not sent (no email server): read it here", tone: "warning" },
  queued: { label: "Waiting to be sent", tone: "neutral" },
  failed: { label: "Failed", tone: "danger" },
};

export default function Outbox() {
  const { emails } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title="Outbox"
        description={`The last ${emails.length} emails of this workspace: invitations, reminders and failures.`}
      />
      {emails.length === 0 ? (
        <EmptyState
          title="No emails yet"
          description="Invitations, reminders and failure notices appear here."
          headingLevel={2}
        />
      ) : (
        <ul className="stack" aria-label="Emails">
          {emails.map((e) => (
            <li key={e.id}>
              <Card
                title={e.subject}
                description={`To ${e.toAddress} · ${new Date(e.createdAt).toLocaleString()}`}
                headingLevel={2}
                actions={
                  <Badge tone={STATUS[e.status]?.tone ?? "neutral"}>
                    {STATUS[e.status]?.label ?? e.status}
                  </Badge>
                }
              >
                {e.error ? <p>{e.error}</p> : null}
                <pre className="conflict-text">{e.textBody}</pre>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
