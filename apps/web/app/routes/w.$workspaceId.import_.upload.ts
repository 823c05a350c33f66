/** Resource route: receives an import file (streamed to disk, 200 MB cap) and starts its dry run. */
import type { ActionFunctionArgs } from "@remix-run/node";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { receiveUpload, startImportFromUpload, UploadError } from "~/utils/imports.server";
import { workspaceIdParam } from "~/utils/params";

export async function action({ request, params }: ActionFunctionArgs) {
  const auth = await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const api = await serverApi(request);
  const workspace = await orResponse(api.workspace.get({ workspaceId }));
  if (workspace.role === "viewer") return Response.json({ error: "Importing needs the editor role; you are a viewer." }, { status: 403 });
  try {
    const received = await receiveUpload(request);
    const result = await startImportFromUpload(received, {
      workspaceId,
      userId: auth.user.id,
      profileOk: (profileId) => api.socialProfile.get({ workspaceId, profileId }).then(
        () => true,
        () => false,
      ),
    });
    return Response.json(result);
  } catch (e) {
    if (e instanceof UploadError) return Response.json({ error: e.message }, { status: e.status });
    throw e;
  }
}
