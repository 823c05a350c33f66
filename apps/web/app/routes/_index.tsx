/** Home: signed out, the sign-in page; with exactly one workspace, that workspace; otherwise the list. */
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { orResponse, serverApi } from "~/trpc/server";
import { getAuth } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { auth } = await getAuth(request);
  if (!auth) return redirect("/sign-in");
  const workspaces = await orResponse((await serverApi(request)).workspace.list());
  return redirect(workspaces.length === 1 ? `/w/${workspaces[0]!.id}` : "/workspaces");
}
