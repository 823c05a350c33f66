/**
 * How one profile publishes: a reminder (the default) or a signed webhook, its secret (owners only,
 * rotatable with the old one valid for a day), a test event, and the webhook's delivery log.
 */
import { Alert, Button, Card, Checkbox, PageHeader, Select, TextField } from "@rapport/ui";
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { DeliveryTable } from "~/components/delivery-table";
import { asFormResult, orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { uuidParam, workspaceIdParam } from "~/utils/params";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Publishing · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const profileId = uuidParam(params, "profileId", "Profile not found.");
  const api = await serverApi(request);
  const [profile, settings, workspace] = await Promise.all([
    orResponse(api.socialProfile.get({ workspaceId, profileId })),
    orResponse(api.publishing.settings({ workspaceId, profileId })),
    orResponse(api.workspace.get({ workspaceId })),
  ]);
  const deliveries =
    workspace.role === "owner"
      ? await orResponse(api.publishing.deliveries({ workspaceId, profileId }))
      : [];
  const feeds =
    workspace.role === "viewer" ? [] : await orResponse(api.publishing.feeds({ workspaceId }));
  return { profile, settings, deliveries, feeds };
}

const ActionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save"),
    method: z.enum(["reminder", "webhook"], { error: "Choose reminder or webhook." }),
    webhookUrl: z.string().optional(),
  }),
  z.object({ intent: z.literal("rotate") }),
  z.object({ intent: z.literal("test") }),
  z.object({
    intent: z.literal("feed"),
    scope: z.enum(["profile", "workspace"]),
    replyBlocks: z.literal("on").optional(),
    replyBlockMinutes: z.coerce.number({ error: "Say how many minutes to keep for replies." }),
  }),
  z.object({ intent: z.literal("revoke-feed"), feedId: z.uuid() }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const profileId = uuidParam(params, "profileId", "Profile not found.");
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return data(
      { error: parsed.error.issues[0]?.message ?? "Check the form.", done: null },
      { status: 400 },
    );
  const api = await serverApi(request);
  const v = parsed.data;
  if (v.intent === "save") {
    const r = await asFormResult(
      api.publishing.updateSettings({
        workspaceId,
        profileId,
        method: v.method,
        webhookUrl: v.webhookUrl ?? null,
      }),
    );
    if (!r.ok) return data({ error: r.error, done: null }, { status: r.status });
    return data({
      error: null,
      done:
        v.method === "webhook"
          ? "Saved: posts go to the webhook at their time."
          : "Saved: you get a reminder at each post's time.",
    });
  }
  if (v.intent === "feed") {
    const r = await asFormResult(
      api.publishing.createFeed({
        workspaceId,
        profileId: v.scope === "profile" ? profileId : null,
        replyBlocks: v.replyBlocks === "on",
        replyBlockMinutes: v.replyBlockMinutes,
      }),
    );
    if (!r.ok) return data({ error: r.error, done: null }, { status: r.status });
    const url = `${new URL(request.url).origin}/feeds/${r.data.token}.ics`;
    return data({
      error: null,
      done: `Calendar feed ready. Subscribe to this address in your calendar app (it is shown only now): ${url}`,
    });
  }
  if (v.intent === "revoke-feed") {
    const r = await asFormResult(api.publishing.revokeFeed({ workspaceId, feedId: v.feedId }));
    if (!r.ok) return data({ error: r.error, done: null }, { status: r.status });
    return data({ error: null, done: "Feed revoked: its address no longer answers." });
  }
  if (v.intent === "rotate") {
    const r = await asFormResult(api.publishing.rotateSecret({ workspaceId, profileId }));
    if (!r.ok) return data({ error: r.error, done: null }, { status: r.status });
    return data({
      error: null,
      done: "New secret made. The previous one keeps signing for 24 hours: update your receiver before then.",
    });
  }
  const r = await asFormResult(api.publishing.sendTestEvent({ workspaceId, profileId }));
  if (!r.ok) return data({ error: r.error, done: null }, { status: r.status });
  if (!r.data.ok)
    return data({ error: `Test event not accepted: ${r.data.error}`, done: null }, { status: 200 });
  return data({
    error: null,
    done: `Test event accepted (${r.data.statusCode}, ${r.data.durationMs} ms).`,
  });
}

export default function ProfilePublishing() {
  const { profile, settings, deliveries, feeds } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { workspace } = useWorkspace();
  const busy = useNavigation().state === "submitting";
  const isOwner = workspace.role === "owner";
  return (
    <>
      <PageHeader
        title={`Publishing for @${profile.handle}`}
        description={<Link to={`/w/${workspace.id}/profiles`}>Back to profiles</Link>}
      />
      {actionData?.done ? (
        <Alert tone="success" role="status">
          {actionData.done}
        </Alert>
      ) : null}
      {actionData?.error ? <Alert tone="danger">{actionData.error}</Alert> : null}
      <Card
        title="How posts go out"
        description="Reminder: at the post's time you are notified here and by email, and post it yourself (works for every kind of post). Webhook: Rapport sends the post, signed, to your automation (Make, Zapier, n8n or your own server)."
        headingLevel={2}
      >
        <Form method="post" className="stack narrow">
          <input type="hidden" name="intent" value="save" />
          <Select
            label="Method"
            name="method"
            defaultValue={settings.method}
            disabled={!isOwner}
            options={[
              { value: "reminder", label: "Reminder" },
              { value: "webhook", label: "Webhook" },
            ]}
          />
          <TextField
            label="Webhook URL"
            name="webhookUrl"
            type="url"
            defaultValue={settings.webhookUrl ?? ""}
            disabled={!isOwner}
            placeholder="https://hooks.example.com/rapport"
            description="Only used with the webhook method. Loopback and private addresses are refused."
          />
          {isOwner ? (
            <Button type="submit" disabled={busy}>
              {busy ? "Saving…" : "Save"}
            </Button>
          ) : (
            <p>Only owners can change how a profile publishes.</p>
          )}
        </Form>
      </Card>
      {isOwner && settings.method === "webhook" && settings.webhookSecret ? (
        <Card
          title="Signing secret"
          description="Verify each request with the Standard Webhooks libraries (webhook-id, webhook-timestamp, webhook-signature). Drop repeats by webhook-id."
          headingLevel={2}
        >
          <pre className="conflict-text" data-testid="webhook-secret">
            {settings.webhookSecret}
          </pre>
          {settings.previousSecretExpiresAt ? (
            <p>
              The previous secret also signs until{" "}
              {new Date(settings.previousSecretExpiresAt).toLocaleString()}.
            </p>
          ) : null}
          <div className="user-menu">
            <Form method="post">
              <input type="hidden" name="intent" value="rotate" />
              <Button type="submit" variant="secondary" disabled={busy}>
                Rotate secret
              </Button>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="test" />
              <Button type="submit" variant="secondary" disabled={busy}>
                Send test event
              </Button>
            </Form>
          </div>
        </Card>
      ) : null}
      {workspace.role !== "viewer" ? (
        <Card
          title="Calendar feed"
          description="Your planned posts in your own calendar app, each followed by a block to reply to comments. The address is secret: anyone who has it sees the plan."
          headingLevel={2}
        >
          <Form method="post" className="stack narrow">
            <input type="hidden" name="intent" value="feed" />
            <Select
              label="Posts of"
              name="scope"
              defaultValue="profile"
              options={[
                { value: "profile", label: `@${profile.handle} only` },
                { value: "workspace", label: "Every profile of this workspace" },
              ]}
            />
            <Checkbox
              label="Add a 'Reply to comments' block after each post"
              name="replyBlocks"
              defaultChecked
            />
            <TextField
              label="Minutes for replies"
              name="replyBlockMinutes"
              type="number"
              min={5}
              max={240}
              defaultValue="30"
            />
            <Button type="submit" variant="secondary" disabled={busy}>
              Create a feed address
            </Button>
          </Form>
          {feeds.length ? (
            <ul aria-label="Active feeds">
              {feeds.map((f) => (
                <li key={f.id}>
                  <Form method="post" className="inline-form">
                    {f.handle ? `@${f.handle}` : "Every profile"},{" "}
                    {f.replyBlocks ? `${f.replyBlockMinutes} min to reply` : "no reply blocks"},
                    since {new Date(f.createdAt).toLocaleDateString()}{" "}
                    <input type="hidden" name="intent" value="revoke-feed" />
                    <input type="hidden" name="feedId" value={f.id} />
                    <Button type="submit" variant="ghost" size="sm" disabled={busy}>
                      Revoke
                    </Button>
                  </Form>
                </li>
              ))}
            </ul>
          ) : null}
        </Card>
      ) : null}
      {isOwner && deliveries.length ? (
        <Card
          title="Delivery log"
          description={`The last ${deliveries.length} deliveries to this profile's webhook.`}
          headingLevel={2}
        >
          <DeliveryTable rows={deliveries} />
        </Card>
      ) : null}
    </>
  );
}
