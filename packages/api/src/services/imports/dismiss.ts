/** Removing a failed or cancelled import from "Recent imports": it wrote no post, so nothing else goes. */
import { TRPCError } from "@trpc/server";
import { and, eq, imports, inArray, type Database } from "@rapport/db";
import { importsDir } from "./config";
import { discardImport } from "./jobs";

export async function dismissImport(
  db: Database,
  workspaceId: string,
  importId: string,
): Promise<void> {
  const [row] = await db
    .delete(imports)
    .where(
      and(
        eq(imports.id, importId),
        eq(imports.workspaceId, workspaceId),
        inArray(imports.status, ["failed", "cancelled"]),
      ),
    )
    .returning({ id: imports.id, storageKey: imports.storageKey });
  if (row) {
    await discardImport(db, importsDir(), row);
    return;
  }
  const [exists] = await db
    .select({ id: imports.id })
    .from(imports)
    .where(and(eq(imports.id, importId), eq(imports.workspaceId, workspaceId)));
  if (!exists) throw new TRPCError({ code: "NOT_FOUND", message: "Import not found." });
  throw new TRPCError({
    code: "CONFLICT",
    message:
      "Only a failed or cancelled import can be dismissed; finished imports stay as the record of your data.",
  });
}
