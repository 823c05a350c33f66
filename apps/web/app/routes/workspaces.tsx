/** The workspace switcher: every workspace you belong to, and a form to start a new one. */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Alert, AppShell, Badge, Button, Card, EmptyState, PageHeader, TextField } from "@rapport/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { WorkspaceNameSchema } from "@rapport/api/schemas";
import { UserMenu } from "~/components/user-menu";
import { renderLink } from "~/components/remix-link";
import { asFormResult, orResponse, replyWithFailure, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";

const CreateWorkspaceSchema = z.object({ name: WorkspaceNameSchema });

export const meta: MetaFunction = () => [{ title: "Workspaces · Rapport" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  const api = await serverApi(request);
  const workspaces = await orResponse(api.workspace.list());
  const welcome = new URL(request.url).searchParams.get("welcome") === "1";
  return { user: auth.user, workspaces, welcome };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAuth(request);
  const submission = parseWithZod(await request.formData(), { schema: CreateWorkspaceSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), error: null }, { status: 400 });
  const api = await serverApi(request);
  const created = await asFormResult(api.workspace.create(submission.value));
  if (!created.ok) return data(replyWithFailure(submission, created), { status: created.status });
  return redirect(`/w/${created.data.id}/profiles?new=1`);
}

const ROLE_LABEL = { owner: "Owner", editor: "Editor", viewer: "Viewer" } as const;

export default function Workspaces() {
  const { user, workspaces, welcome } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CreateWorkspaceSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <AppShell brand="Rapport" nav={[{ label: "Workspaces", href: "/workspaces", current: true }]} renderLink={renderLink} headerActions={<UserMenu user={user} />}>
      <PageHeader
        title={welcome ? `Welcome, ${user.name}` : "Your workspaces"}
        description="A workspace holds one business's profiles, drafts and history. Invite the people who post with you."
      />
      <div className="grid-2">
        <section aria-labelledby="your-workspaces">
          <h2 id="your-workspaces" className="section-title">
            Workspaces
          </h2>
          {workspaces.length === 0 ? (
            <EmptyState title="No workspace yet" description="Create one for your business to start planning posts." headingLevel={3} />
          ) : (
            <ul className="workspace-list">
              {workspaces.map((w) => (
                <li key={w.id}>
                  <Link to={`/w/${w.id}`} className="workspace-link">
                    <span className="workspace-name">{w.name}</span>
                    <Badge>{ROLE_LABEL[w.role]}</Badge>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <Card title="New workspace" description="One per business or personal brand." headingLevel={2}>
          <Form method="post" {...getFormProps(form)} className="stack">
            {actionData?.error ? <Alert tone="danger">{actionData.error}</Alert> : null}
            <TextField label="Workspace name" name={fields.name.name} defaultValue={fields.name.initialValue} error={fields.name.errors?.[0]} placeholder="e.g. Bistro Ana" required />
            <Button type="submit" disabled={navigation.state === "submitting"}>
              Create workspace
            </Button>
          </Form>
        </Card>
      </div>
    </AppShell>
  );
}
