import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { SignInSchema } from "@rapport/api/schemas";
import { Alert, Button, TextField } from "@rapport/ui";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { AuthError, signIn } from "@rapport/api/auth";
import { AuthPage } from "~/components/auth-page";
import { HoneypotField } from "~/components/honeypot-field";
import { requireAnonymous, safeRedirectTarget, sessionCookieHeader } from "~/utils/auth.server";
import { db } from "~/utils/db.server";
import { isBotSubmission } from "~/utils/honeypot.server";
import { clientKey } from "~/utils/request.server";

export const meta: MetaFunction = () => [{ title: "Sign in · Rapport" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  if (isBotSubmission(formData)) {
    return data({ result: null, formError: "We couldn't sign you in. Please try again." }, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: SignInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), formError: null }, { status: 400 });
  }
  try {
    const { token } = await signIn(await db(), submission.value, clientKey(request));
    // Without a page to return to, home: the only workspace when there is one, else the list.
    const redirectTo = safeRedirectTarget(String(formData.get("redirectTo") ?? ""), "/");
    return redirect(redirectTo, { headers: { "Set-Cookie": await sessionCookieHeader(token) } });
  } catch (error) {
    if (error instanceof AuthError) {
      return data(
        { result: submission.reply({ hideFields: ["password"] }), formError: error.message },
        { status: error.code === "rate-limited" ? 429 : 400 },
      );
    }
    throw error;
  }
}

export default function SignIn() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const redirectTo = searchParams.get("redirectTo") ?? "";
  // Whoever arrives from an invitation link keeps it through "Create an account" too.
  const signUpHref = redirectTo ? `/sign-up?${new URLSearchParams({ redirectTo })}` : "/sign-up";
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <AuthPage
      title="Sign in"
      description={
        redirectTo.startsWith("/invite/")
          ? "Sign in, or create an account, to accept your invitation."
          : "Welcome back. Your drafts and your audience are where you left them."
      }
      footer={
        <>
          New to Rapport? <Link to={signUpHref}>Create an account</Link>
        </>
      }
    >
      <Form method="post" {...getFormProps(form)} className="stack">
        {actionData?.formError ? (
          <Alert tone="danger" role="alert">
            {actionData.formError}
          </Alert>
        ) : null}
        <HoneypotField />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField label="Email" type="email" name={fields.email.name} defaultValue={fields.email.initialValue} error={fields.email.errors?.[0]} autoComplete="email" required />
        {searchParams.get("reset") === "1" ? (
          <Alert tone="success" role="status">
            Your password is changed. Sign in with the new one.
          </Alert>
        ) : null}
        <TextField label="Password" type="password" name={fields.password.name} error={fields.password.errors?.[0]} autoComplete="current-password" required />
        <Button type="submit" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
        </Button>
      </Form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
    </AuthPage>
  );
}
