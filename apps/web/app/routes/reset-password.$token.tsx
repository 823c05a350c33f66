/** Choosing a new password through an emailed reset link (single use, one hour). */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { AuthError, resetPassword, resetTokenUsable } from "@rapport/api/auth";
import { MIN_PASSWORD_LENGTH, ResetPasswordSchema } from "@rapport/api/schemas";
import { Alert, Button, TextField } from "@rapport/ui";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuthPage } from "~/components/auth-page";
import { db } from "~/utils/db.server";

export const meta: MetaFunction = () => [{ title: "Choose a new password · Rapport" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await resetTokenUsable(await db(), params.token ?? "") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema });
  if (submission.status !== "success")
    return data(
      { result: submission.reply({ hideFields: ["newPassword"] }), formError: null },
      { status: 400 },
    );
  try {
    await resetPassword(await db(), params.token ?? "", submission.value);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const fieldErrors = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([k, v]) => [k, [v]]),
    );
    const onField = Object.keys(fieldErrors).length > 0;
    return data(
      {
        result: submission.reply({ fieldErrors, hideFields: ["newPassword"] }),
        formError: onField ? null : error.message,
      },
      { status: 400 },
    );
  }
  return redirect("/sign-in?reset=1");
}

export default function ResetPassword() {
  const { usable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <AuthPage
      title="Choose a new password"
      description="Every browser signed in to your account will be signed out."
      footer={<Link to="/sign-in">Back to sign in</Link>}
    >
      {!usable ? (
        <Alert tone="warning" role="status" title="This link can't be used">
          It has expired or was already used. <Link to="/forgot-password">Ask for a new one</Link>.
        </Alert>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          {actionData?.formError ? <Alert tone="danger">{actionData.formError}</Alert> : null}
          <TextField
            label="New password"
            type="password"
            name={fields.newPassword.name}
            error={fields.newPassword.errors?.[0]}
            description={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.`}
            autoComplete="new-password"
            required
          />
          <Button type="submit">Set the new password</Button>
        </Form>
      )}
    </AuthPage>
  );
}
