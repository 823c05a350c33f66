/** Accepting an invitation: the link an owner sent, opened by the invited account. */
import { Alert, Button } from "@rapport/ui";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AuthPage } from "~/components/auth-page";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Invitation · Rapport" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const auth = await requireAuth(request);
  const api = await serverApi(request);
  const invitation = await orResponse(api.workspace.invitation({ token: params.token ?? "" }));
  return { invitation, email: auth.user.email };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAuth(request);
  const api = await serverApi(request);
  const ws = await orResponse(api.workspace.accept({ token: params.token ?? "" }));
  return redirect(`/w/${ws.id}`);
}

export default function AcceptInvitation() {
  const { invitation, email } = useLoaderData<typeof loader>();
  return (
    <AuthPage
      title={`Join ${invitation.workspaceName}`}
      description={`You're invited as ${invitation.role === "editor" ? "an editor" : `a ${invitation.role}`}.`}
      footer={<a href="/workspaces">Not now</a>}
    >
      {invitation.forYou ? (
        <Form method="post">
          <Button type="submit">Accept and open the workspace</Button>
        </Form>
      ) : (
        <Alert tone="warning" role="status">
          This invitation is for {invitation.email}, and you are signed in as {email}. Sign out and sign in with that email to
          accept it.
        </Alert>
      )}
    </AuthPage>
  );
}
