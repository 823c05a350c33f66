/** Workspace settings: the name and whether posts need an owner's approval (owners only). */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { WorkspaceNameSchema } from "@rapport/api/schemas";
import { Alert, Button, Card, Checkbox, PageHeader, TextField } from "@rapport/ui";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { z } from "zod";
import { asFormResult, replyWithFailure, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";
import { useWorkspace } from "./w.$workspaceId";

export const meta: MetaFunction = () => [{ title: "Settings · Rapport" }];

const RenameSchema = z.object({ name: WorkspaceNameSchema });

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const formData = await request.formData();
  if (formData.get("intent") === "approvals") {
    const api = await serverApi(request);
    const r = await asFormResult(
      api.workspace.setApprovals({ workspaceId, required: formData.get("required") === "on" }),
    );
    if (!r.ok)
      return data({ result: undefined, error: r.error, saved: false }, { status: r.status });
    return data({
      result: undefined,
      error: null,
      saved: false,
      approvals: r.data.approvalsRequired,
    });
  }
  const submission = parseWithZod(formData, { schema: RenameSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), error: null, saved: false }, { status: 400 });
  const api = await serverApi(request);
  const r = await asFormResult(api.workspace.rename({ workspaceId, name: submission.value.name }));
  if (!r.ok)
    return data({ ...replyWithFailure(submission, r), saved: false }, { status: r.status });
  return data({ result: submission.reply(), error: null, saved: true });
}

export default function Settings() {
  const { workspace } = useWorkspace();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RenameSchema }),
    shouldValidate: "onBlur",
    defaultValue: { name: workspace.name },
  });
  const isOwner = workspace.role === "owner";
  return (
    <>
      <PageHeader title="Settings" description="How this workspace is named and run." />
      {actionData?.saved ? (
        <Alert tone="success" role="status">
          Workspace renamed.
        </Alert>
      ) : null}
      {actionData && "approvals" in actionData ? (
        <Alert tone="success" role="status">
          {actionData.approvals
            ? "Approvals are on: editors submit posts and an owner approves them."
            : "Approvals are off: editors schedule posts themselves."}
        </Alert>
      ) : null}
      {actionData?.error ? <Alert tone="danger">{actionData.error}</Alert> : null}
      <Card
        title="Workspace name"
        description={
          isOwner
            ? "Everyone in the workspace sees this name."
            : "Only owners can rename the workspace."
        }
        headingLevel={2}
      >
        <Form method="post" {...getFormProps(form)} className="stack narrow">
          <TextField
            label="Name"
            name={fields.name.name}
            defaultValue={fields.name.initialValue}
            error={fields.name.errors?.[0]}
            disabled={!isOwner}
            required
          />
          {isOwner ? <Button type="submit">Rename</Button> : null}
        </Form>
      </Card>
      <Card
        title="Approvals"
        description={
          isOwner
            ? "When on, an editor's post goes to an owner before it can be scheduled."
            : "Only owners change this."
        }
        headingLevel={2}
      >
        <Form method="post" className="stack narrow">
          <input type="hidden" name="intent" value="approvals" />
          <Checkbox
            label="Owners approve posts before they are scheduled"
            name="required"
            defaultChecked={workspace.approvalsRequired}
            disabled={!isOwner}
            key={String(workspace.approvalsRequired)}
          />
          {isOwner ? (
            <Button type="submit" variant="secondary">
              Save approvals
            </Button>
          ) : null}
        </Form>
      </Card>
      {isOwner ? (
        <Card
          title="Emails"
          description="Invitations, reminders and failure notices this workspace sent (or, without an email server, keeps here to read)."
          headingLevel={2}
        >
          <Link to={`/w/${workspace.id}/outbox`}>Open the outbox</Link>
        </Card>
      ) : null}
    </>
  );
}
