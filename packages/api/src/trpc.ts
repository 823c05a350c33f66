/**
 * tRPC building blocks: public, signed-in and workspace-scoped procedures. A workspace procedure
 * takes `workspaceId` in its input, checks the caller's membership and role, and puts the workspace
 * in the context; every query below it filters by that id.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { and, eq, memberships, workspaces } from "@rapport/db";
import { z } from "zod";
import type { Context } from "./context";
import { describeTRPCError } from "./trpc-errors";
import { dataExceptionAsBadRequest, findUnacceptableValue } from "./input-guard";
import { WorkspaceIdSchema, type Role } from "./schemas";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // One sentence for the user and one per field (zod issues), never the raw issue JSON or a stack.
    const described = describeTRPCError(error);
    return {
      ...shape,
      message: described.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors: described.fieldErrors,
      },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
/**
 * Every procedure starts here: input no field can hold is refused before validation, and a database
 * data exception caused by the caller's values is a BAD_REQUEST, never a 500 (see input-guard.ts).
 */
export const publicProcedure = t.procedure.use(async ({ getRawInput, next }) => {
  const problem = findUnacceptableValue(await getRawInput());
  if (problem) throw new TRPCError({ code: "BAD_REQUEST", message: problem });
  const result = await next();
  if (!result.ok) {
    const badRequest = dataExceptionAsBadRequest(result.error);
    if (badRequest) throw badRequest;
  }
  return result;
});

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user || !ctx.session) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  }
  return next({ ctx: { ...ctx, user: ctx.user, session: ctx.session } });
});

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** A procedure scoped to one workspace, open to members whose role is at least `minRole`. */
export function workspaceProcedure(minRole: Role) {
  return protectedProcedure
    .input(z.object({ workspaceId: WorkspaceIdSchema }))
    .use(async ({ ctx, input, next }) => {
      const [row] = await ctx.db
        .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
        .from(memberships)
        .innerJoin(workspaces, eq(memberships.workspaceId, workspaces.id))
        .where(
          and(eq(memberships.workspaceId, input.workspaceId), eq(memberships.userId, ctx.user.id)),
        );
      // Non-members learn nothing about whether the workspace exists.
      if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found." });
      if (RANK[row.role] < RANK[minRole]) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: `This needs the ${minRole} role; you are ${row.role === "editor" ? "an" : "a"} ${row.role}.`,
        });
      }
      return next({ ctx: { ...ctx, workspace: { id: row.id, name: row.name }, role: row.role } });
    });
}
