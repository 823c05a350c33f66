/** Resource route: the rejected rows of an import as a CSV (row number and reason). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { orResponse, serverApi } from "~/trpc/server";
import { requireAuth } from "~/utils/auth.server";
import { workspaceIdParam } from "~/utils/params";

const cell = (v: string | number) => {
  const s = String(v);
  // Quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAuth(request);
  const workspaceId = workspaceIdParam(params);
  const importId = params.importId ?? "";
  const api = await serverApi(request);
  const job = await orResponse(api.import.status({ workspaceId, importId }));
  const rows = await orResponse(api.import.rejections({ workspaceId, importId, limit: 1_000_000 }));
  const body = ["row,reason", ...rows.map((r) => `${r.row},${cell(r.reason)}`)].join("\r\n") + "\r\n";
  const base = job.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "_") || "import";
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${base}-rejected-rows.csv"`,
    },
  });
}
