import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { SignUpSchema, MIN_PASSWORD_LENGTH } from "@rapport/api/schemas";
import { Alert, Button, TextField } from "@rapport/ui";
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { AuthError, signUp } from "@rapport/api/auth";
import { AuthPage } from "~/components/auth-page";
import { HoneypotField } from "~/components/honeypot-field";
import { requireAnonymous, safeRedirectTarget, sessionCookieHeader } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { isBotSubmission } from "~/utils/honeypot.server";
import { clientKey } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Create your account · Rapport" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (isBotSubmission(formData)) {
    return data(
      { result: null, formError: "We couldn't create the account. Please try again." },
      { status: 400 },
    );
  }
  const submission = parseWithZod(formData, { schema: SignUpSchema });
  if (submission.status !== "success") {
    return data(
      { result: submission.reply({ hideFields: ["password"] }), formError: null },
      { status: 400 },
    );
  }
  try {
    const { token } = await signUp(await db(), submission.value, clientKey(request), {
      limit: env.SIGN_UP_LIMIT_PER_HOUR,
      windowMs: 60 * 60 * 1000,
    });
    // An invitation opened while signed out comes back here as `redirectTo`: the new account lands on it.
    const redirectTo = safeRedirectTarget(String(formData.get("redirectTo") ?? ""), "/workspaces?welcome=1");
    return redirect(redirectTo, {
      headers: { "Set-Cookie": await sessionCookieHeader(token) },
    });
  } catch (error) {
    if (error instanceof AuthError && error.code === "rate-limited") {
      return data(
        { result: submission.reply({ hideFields: ["password"] }), formError: error.message },
        { status: 429 },
      );
    }
    if (error instanceof AuthError) {
      const fieldErrors = Object.fromEntries(
        Object.entries(error.fieldErrors).map(([k, v]) => [k, [v]]),
      );
      return data(
        { result: submission.reply({ fieldErrors, hideFields: ["password"] }), formError: null },
        { status: error.code === "email-taken" ? 409 : 400 },
      );
    }
    throw error;
  }
}

export default function SignUp() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignUpSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <AuthPage
      title="Create your account"
      description={
        redirectTo.startsWith("/invite/")
          ? "Create your account to accept your invitation."
          : "Plan posts for the people who actually talk back."
      }
      footer={
        <>
          Already have an account? <Link to={redirectTo ? `/sign-in?${new URLSearchParams({ redirectTo })}` : "/sign-in"}>Sign in</Link>
        </>
      }
    >
      <Form method="post" {...getFormProps(form)} className="stack">
        {actionData?.formError ? <Alert tone="danger">{actionData.formError}</Alert> : null}
        <HoneypotField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          label="Your name"
          name={fields.name.name}
          defaultValue={fields.name.initialValue}
          error={fields.name.errors?.[0]}
          autoComplete="name"
          required
        />
        <TextField
          label="Email"
          type="email"
          name={fields.email.name}
          defaultValue={fields.email.initialValue}
          error={fields.email.errors?.[0]}
          autoComplete="email"
          required
        />
        <TextField
          label="Password"
          type="password"
          name={fields.password.name}
          error={fields.password.errors?.[0]}
          description={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.`}
          autoComplete="new-password"
          required
        />
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Creating account…" : "Create account"}
        </Button>
      </Form>
    </AuthPage>
  );
}
