/** Asking for a password reset link: the answer is the same whether or not the email has an account. */
import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { requestPasswordReset } from "@rapport/api/auth";
import { RequestResetSchema } from "@rapport/api/schemas";
import { Alert, Button, TextField } from "@rapport/ui";
import {
  data,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { AuthPage } from "~/components/auth-page";
import { HoneypotField } from "~/components/honeypot-field";
import { requireAnonymous } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { isBotSubmission } from "~/utils/honeypot.server";

export const meta: MetaFunction = () => [{ title: "Forgot your password · Rapport" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: RequestResetSchema });
  if (submission.status !== "success")
    return data({ result: submission.reply(), sent: false }, { status: 400 });
  if (!isBotSubmission(formData)) {
    const origin = env.APP_ORIGIN ?? new URL(request.url).origin;
    await requestPasswordReset(
      await db(),
      submission.value,
      (token) => `${origin}/reset-password/${token}`,
    );
  }
  return data({ result: submission.reply({ resetForm: true }), sent: true });
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RequestResetSchema }),
    shouldValidate: "onBlur",
  });
  return (
    <AuthPage
      title="Forgot your password?"
      description="Enter the email you sign in with. We'll send a link to choose a new password."
      footer={<Link to="/sign-in">Back to sign in</Link>}
    >
      {actionData?.sent ? (
        <Alert tone="success" role="status" title="Check your email">
          If an account exists for that email, a link to reset its password is on its way. It works
          once, for one hour.
        </Alert>
      ) : (
        <Form method="post" {...getFormProps(form)} className="stack">
          <HoneypotField />
          <TextField
            label="Email"
            type="email"
            name={fields.email.name}
            defaultValue={fields.email.initialValue}
            error={fields.email.errors?.[0]}
            autoComplete="email"
            required
          />
          <Button type="submit">Send the reset link</Button>
        </Form>
      )}
    </AuthPage>
  );
}
