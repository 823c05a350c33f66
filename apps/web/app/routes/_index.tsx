import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { getAuth } from "~/utils/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { auth } = await getAuth(request);
  return redirect(auth ? "/workspaces" : "/sign-in");
}
