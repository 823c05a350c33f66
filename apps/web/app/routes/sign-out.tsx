/** POST only: sign out of this browser, or of every browser ("everywhere"). */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/utils/auth.server";

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  return signOut(request, formData.get("scope") === "everywhere");
}

export function loader() {
  return redirect("/");
}
