/** Your account: change the password (every other browser is signed out). */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { AuthError, changePassword } from "@rapport/api/auth";
import { ChangePasswordSchema, MIN_PASSWORD_LENGTH } from "@rapport/api/schemas";
import { Alert, AppShell, Button, Card, PageHeader, TextField } from "@rapport/ui";
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { renderLink } from "~/components/remix-link";
import { UserMenu } from "~/components/user-menu";
import { requireAuth } from "~/utils/auth.server";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Your account · Rapport" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  return { user: auth.user };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await requireAuth(request);
  const submission = parseWithZod(await request.formData(), { schema: ChangePasswordSchema });
  const hide = { hideFields: ["currentPassword", "newPassword"] };
  if (submission.status !== "success")
    return data({ result: submission.reply(hide), saved: false }, { status: 400 });
  try {
    await changePassword(await db(), auth.user.id, auth.session.id, submission.value);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const fieldErrors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([k, v]) => [k, [v]]),
    );
    return data(
      { result: submission.reply({ fieldErrors, ...hide }), saved: false },
      { status: 400 },
    );
  }
  return data({ result: submission.reply({ resetForm: true }), saved: true });
}

export default function Account() {
  const { user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <AppShell
      brand="Rapport"
      nav={[
        { label: "Workspaces", href: "/workspaces" },
        { label: "Your account", href: "/account", current: true },
      ]}
      renderLink={renderLink}
      headerActions={<UserMenu user={user} />}
    >
      <PageHeader title="Your account" description={`Signed in as ${user.name} (${user.email}).`} />
      <Card
        title="Change your password"
        headingLevel={2}
        description="Every other browser signed in to your account is signed out; this one stays."
      >
        <Form method="post" {...getFormProps(form)} className="stack">
          {actionData?.saved ? (
            <Alert tone="success" role="status">
              Your password is changed. Other browsers were signed out.
            </Alert>
          ) : null}
          <TextField
            label="Current password"
            type="password"
            name={fields.currentPassword.name}
            error={fields.currentPassword.errors?.[0]}
            autoComplete="current-password"
            required
          />
          <TextField
            label="New password"
            type="password"
            name={fields.newPassword.name}
            error={fields.newPassword.errors?.[0]}
            description={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.`}
            autoComplete="new-password"
            required
          />
          <Button type="submit">Change password</Button>
        </Form>
      </Card>
    </AppShell>
  );
}
