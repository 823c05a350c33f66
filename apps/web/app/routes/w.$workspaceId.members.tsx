/** Who works in this workspace: roles, invitations by link, leaving and removing. */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { EmailSchema, RoleSchema, ROLES } from "@rapport/api/schemas";
import { Alert, Badge, Button, Card, PageHeader, Select, Table, TextField } from "@rapport/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { asFormResult, orResponse, replyWithFailure, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Members · Rapport" }];

const ROLE_LABEL = { owner: "Owner", editor: "Editor", viewer: "Viewer" } as const;
const ROLE_HELP = {
  owner: "manages members and settings",
  editor: "adds profiles, drafts and imports",
  viewer: "reads everything, changes nothing",
} as const;

const InviteSchema = z.object({ intent: z.literal("invite"), email: EmailSchema, role: RoleSchema });

const MemberActionSchema = z.discriminatedUnion("intent", [
  InviteSchema,
  z.object({ intent: z.literal("change-role"), userId: z.uuid(), role: RoleSchema }),
  z.object({ intent: z.literal("remove"), userId: z.uuid() }),
  z.object({ intent: z.literal("revoke"), invitationId: z.uuid() }),
]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const api = await serverApi(request);
  return orResponse(api.workspace.members({ workspaceId }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const submission = parseWithZod(await request.formData(), { schema: MemberActionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null, inviteLink: null }, { status: 400 });
  const api = await serverApi(request);
  const v = submission.value;
  switch (v.intent) {
    case "invite": {
      const r = await asFormResult(api.workspace.invite({ workspaceId, email: v.email, role: v.role }));
      if (!r.ok) return data({ ...replyWithFailure(submission, r), inviteLink: null }, { status: r.status });
      const link = `${new URL(request.url).origin}/invite/${r.data.token}`;
      return data({ result: submission.reply({ resetForm: true }), error: null, inviteLink: { link, email: r.data.email, role: r.data.role } });
    }
    case "change-role": {
      const r = await asFormResult(api.workspace.changeRole({ workspaceId, userId: v.userId, role: v.role }));
      if (!r.ok) return data({ ...replyWithFailure(submission, r), inviteLink: null }, { status: r.status });
      break;
    }
    case "remove": {
      const r = await asFormResult(api.workspace.removeMember({ workspaceId, userId: v.userId }));
      if (!r.ok) return data({ ...replyWithFailure(submission, r), inviteLink: null }, { status: r.status });
      if (v.userId === auth.user.id) return redirect("/workspaces");
      break;
    }
    case "revoke": {
      const r = await asFormResult(api.workspace.revokeInvitation({ workspaceId, invitationId: v.invitationId }));
      if (!r.ok) return data({ ...replyWithFailure(submission, r), inviteLink: null }, { status: r.status });
      break;
    }
  }
  return data({ result: submission.reply(), error: null, inviteLink: null });
}

export default function Members() {
  const { members, pending, you } = useLoaderData<typeof loader>();
  const { workspace } = useWorkspace();
  const actionData = useActionData<typeof action>();
  const isOwner = you.role === "owner";
  const [form, fields] = useForm<z.input<typeof InviteSchema>>({
    id: "invite",
    lastResult: actionData?.inviteLink || actionData?.error ? actionData.result : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
    shouldValidate: "onBlur",
    defaultValue: { role: "editor" },
  });
  const roleOptions = ROLES.map((r) => ({ value: r, label: `${ROLE_LABEL[r]}: ${ROLE_HELP[r]}` }));
  return (
    <>
      <PageHeader title="Members" description={`People who work on ${workspace.name}.`} />
      {actionData?.error ? <Alert tone="danger">{actionData.error}</Alert> : null}
      {actionData?.inviteLink ? (
        <Alert tone="success" role="status" title={`Invitation for ${actionData.inviteLink.email}`}>
          Send this link to them; it works once, for 14 days, when they sign in with that email:{" "}
          <code className="invite-link">{actionData.inviteLink.link}</code>
        </Alert>
      ) : null}
      <div className="grid-2">
        <section aria-labelledby="members-title" className="stack">
          <h2 id="members-title" className="section-title">
            {members.length} {members.length === 1 ? "member" : "members"}
          </h2>
          <Table caption="Members" hideCaption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <tr key={m.userId}>
                  <td>
                    <strong>{m.name}</strong>
                    {m.userId === you.userId ? <span className="muted"> (you)</span> : null}
                    <br />
                    <span className="muted">{m.email}</span>
                  </td>
                  <td>
                    {isOwner ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="change-role" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <Select label={`Role of ${m.name}`} hideLabel name="role" defaultValue={m.role} options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))} />
                        <Button type="submit" size="sm" variant="secondary">
                          Change
                        </Button>
                      </Form>
                    ) : (
                      <Badge>{ROLE_LABEL[m.role]}</Badge>
                    )}
                  </td>
                  <td>
                    {isOwner || m.userId === you.userId ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="remove" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <Button type="submit" size="sm" variant="ghost">
                          {m.userId === you.userId ? "Leave" : "Remove"}
                        </Button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          {isOwner && pending.length > 0 ? (
            <>
              <h2 className="section-title">Pending invitations</h2>
              <ul className="plain-list">
                {pending.map((p) => (
                  <li key={p.id} className="row-between">
                    <span>
                      {p.email} <Badge>{ROLE_LABEL[p.role]}</Badge>
                    </span>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="invitationId" value={p.id} />
                      <Button type="submit" size="sm" variant="ghost">
                        Revoke
                      </Button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        {isOwner ? (
          <Card title="Invite someone" description="You'll get a link to send them." headingLevel={2}>
            <Form method="post" {...getFormProps(form)} className="stack">
              <input type="hidden" name="intent" value="invite" />
              <TextField label="Email" type="email" name={fields.email.name} defaultValue={fields.email.initialValue} error={fields.email.errors?.[0]} required />
              <Select label="Role" name="role" defaultValue="editor" options={roleOptions} />
              <Button type="submit">Create invitation link</Button>
            </Form>
          </Card>
        ) : (
          <Card title={`You are ${you.role === "editor" ? "an editor" : "a viewer"}`} headingLevel={2}>
            <p>Owners manage members. You {ROLE_HELP[you.role]}.</p>
          </Card>
        )}
      </div>
    </>
  );
}
