/** Workspaces and their members: create, list, rename, invite, accept, change role, remove. */
import type { TRPCRouterRecord } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import {
  and,
  asc,
  count,
  eq,
  invitations,
  isNull,
  memberships,
  users,
  workspaces,
  type Database,
} from "@rapport/db";
import { z } from "zod";
import { EmailSchema, RoleSchema, WorkspaceNameSchema } from "../schemas";
import { generateRandomToken, hashToken } from "../auth/session";
import { invitationEmail } from "../services/email/messages";
import { queueEmail } from "../services/email/outbox";
import { publishingConfig } from "../services/publishing/config";
import { approvalsRequired, setApprovalsRequired } from "../services/workspace-settings";
import { protectedProcedure, workspaceProcedure } from "../trpc";

const INVITATION_DAYS = 14;

const WorkspaceSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: RoleSchema,
});

async function ownerCount(db: Database, workspaceId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")));
  return row?.n ?? 0;
}

/**
 * Takes turns on the workspace row, so two owners demoting or removing each other at once see each
 * other's commits, then re-checks the caller's role (it may have changed while waiting). The database
 * trigger from migration 0008 enforces the last owner rule whatever the path.
 */
async function lockWorkspace(
  db: Database,
  workspaceId: string,
  userId: string,
  minRole: "owner" | "viewer",
) {
  await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId))
    .for("update");
  const [me] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  if (!me) throw new TRPCError({ code: "NOT_FOUND", message: "Workspace not found." });
  if (minRole === "owner" && me.role !== "owner") {
    throw new TRPCError({
      code: "FORBIDDEN",
      message: "You are no longer an owner of this workspace.",
    });
  }
}

export const workspaceRouter = {
  list: protectedProcedure
    .output(z.array(WorkspaceSummarySchema))
    .query(({ ctx }) =>
      ctx.db
        .select({ id: workspaces.id, name: workspaces.name, role: memberships.role })
        .from(memberships)
        .innerJoin(workspaces, eq(memberships.workspaceId, workspaces.id))
        .where(eq(memberships.userId, ctx.user.id))
        .orderBy(asc(workspaces.name), asc(workspaces.createdAt)),
    ),

  create: protectedProcedure
    .input(z.object({ name: WorkspaceNameSchema }))
    .output(WorkspaceSummarySchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [ws] = await tx.insert(workspaces).values({ name: input.name }).returning();
        if (!ws) throw new TRPCError({ code: "INTERNAL_SERVER_ERROR" });
        await tx
          .insert(memberships)
          .values({ workspaceId: ws.id, userId: ctx.user.id, role: "owner" });
        return { id: ws.id, name: ws.name, role: "owner" as const };
      }),
    ),

  get: workspaceProcedure("viewer")
    .output(WorkspaceSummarySchema.extend({ approvalsRequired: z.boolean() }))
    .query(async ({ ctx }) => ({
      id: ctx.workspace.id,
      name: ctx.workspace.name,
      role: ctx.role,
      approvalsRequired: await approvalsRequired(ctx.db, ctx.workspace.id),
    })),

  /** Turns approvals on (editors submit, owners approve) or off. Owners only. */
  setApprovals: workspaceProcedure("owner")
    .input(z.object({ required: z.boolean({ error: "Say whether approvals are required." }) }))
    .output(z.object({ approvalsRequired: z.boolean() }))
    .mutation(({ ctx, input }) => setApprovalsRequired(ctx.db, ctx.workspace.id, input.required)),

  rename: workspaceProcedure("owner")
    .input(z.object({ name: WorkspaceNameSchema }))
    .output(WorkspaceSummarySchema)
    .mutation(async ({ ctx, input }) => {
      await ctx.db
        .update(workspaces)
        .set({ name: input.name, updatedAt: new Date() })
        .where(eq(workspaces.id, ctx.workspace.id));
      return { id: ctx.workspace.id, name: input.name, role: ctx.role };
    }),

  members: workspaceProcedure("viewer").query(async ({ ctx }) => {
    const members = await ctx.db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        since: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(memberships.userId, users.id))
      .where(eq(memberships.workspaceId, ctx.workspace.id))
      .orderBy(asc(users.name));
    const pending =
      ctx.role === "owner"
        ? await ctx.db
            .select({
              id: invitations.id,
              email: invitations.email,
              role: invitations.role,
              expiresAt: invitations.expiresAt,
            })
            .from(invitations)
            .where(
              and(eq(invitations.workspaceId, ctx.workspace.id), isNull(invitations.acceptedAt)),
            )
            .orderBy(asc(invitations.email))
        : [];
    return { members, pending, you: { userId: ctx.user.id, role: ctx.role } };
  }),

  /** Creates (or renews) an invitation; the token is returned once, to be shared as a link. */
  invite: workspaceProcedure("owner")
    .input(z.object({ email: EmailSchema, role: RoleSchema }))
    .mutation(async ({ ctx, input }) => {
      const [existing] = await ctx.db
        .select({ id: users.id })
        .from(memberships)
        .innerJoin(users, eq(memberships.userId, users.id))
        .where(and(eq(memberships.workspaceId, ctx.workspace.id), eq(users.email, input.email)));
      if (existing) {
        throw new TRPCError({
          code: "CONFLICT",
          message: `${input.email} is already a member of this workspace.`,
        });
      }
      const token = generateRandomToken();
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000);
      await ctx.db.transaction(async (tx) => {
        await tx
          .insert(invitations)
          .values({
            workspaceId: ctx.workspace.id,
            email: input.email,
            role: input.role,
            tokenHash: hashToken(token),
            invitedBy: ctx.user.id,
            expiresAt,
          })
          .onConflictDoUpdate({
            target: [invitations.workspaceId, invitations.email],
            set: {
              role: input.role,
              tokenHash: hashToken(token),
              invitedBy: ctx.user.id,
              expiresAt,
              acceptedAt: null,
              createdAt: new Date(),
            },
          });
        // The email carries the link; it is queued with the invitation, so both exist or neither.
        await queueEmail(
          tx,
          invitationEmail({
            workspaceId: ctx.workspace.id,
            to: input.email,
            workspaceName: ctx.workspace.name,
            inviterName: ctx.user.name,
            role: input.role,
            link: `${publishingConfig().appOrigin}/invite/${token}`,
            expiresAt,
          }),
        );
      });
      return { token, email: input.email, role: input.role, expiresAt };
    }),

  revokeInvitation: workspaceProcedure("owner")
    .input(z.object({ invitationId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const deleted = await ctx.db
        .delete(invitations)
        .where(
          and(
            eq(invitations.id, input.invitationId),
            eq(invitations.workspaceId, ctx.workspace.id),
          ),
        )
        .returning({ id: invitations.id });
      if (deleted.length === 0)
        throw new TRPCError({ code: "NOT_FOUND", message: "Invitation not found." });
      return { revoked: true };
    }),

  /** Looks up an invitation by its token, for the acceptance page. */
  invitation: protectedProcedure
    .input(z.object({ token: z.string().min(1).max(64) }))
    .query(async ({ ctx, input }) => {
      const [row] = await ctx.db
        .select({
          email: invitations.email,
          role: invitations.role,
          expiresAt: invitations.expiresAt,
          acceptedAt: invitations.acceptedAt,
          workspaceName: workspaces.name,
        })
        .from(invitations)
        .innerJoin(workspaces, eq(invitations.workspaceId, workspaces.id))
        .where(eq(invitations.tokenHash, hashToken(input.token)));
      if (!row || row.acceptedAt || row.expiresAt < new Date()) {
        throw new TRPCError({
          code: "NOT_FOUND",
          message: "This invitation link is not valid any more. Ask for a new one.",
        });
      }
      return {
        email: row.email,
        role: row.role,
        workspaceName: row.workspaceName,
        forYou: row.email === ctx.user.email,
      };
    }),

  accept: protectedProcedure
    .input(z.object({ token: z.string().min(1).max(64) }))
    .output(WorkspaceSummarySchema)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const [inv] = await tx
          .select()
          .from(invitations)
          .where(eq(invitations.tokenHash, hashToken(input.token)));
        if (!inv || inv.acceptedAt || inv.expiresAt < new Date()) {
          throw new TRPCError({
            code: "NOT_FOUND",
            message: "This invitation link is not valid any more. Ask for a new one.",
          });
        }
        if (inv.email !== ctx.user.email) {
          throw new TRPCError({
            code: "FORBIDDEN",
            message: `This invitation is for ${inv.email}. Sign in with that account to accept it.`,
          });
        }
        await tx
          .update(invitations)
          .set({ acceptedAt: new Date() })
          .where(eq(invitations.id, inv.id));
        await tx
          .insert(memberships)
          .values({ workspaceId: inv.workspaceId, userId: ctx.user.id, role: inv.role })
          .onConflictDoNothing();
        const [ws] = await tx.select().from(workspaces).where(eq(workspaces.id, inv.workspaceId));
        const [m] = await tx
          .select({ role: memberships.role })
          .from(memberships)
          .where(
            and(eq(memberships.workspaceId, inv.workspaceId), eq(memberships.userId, ctx.user.id)),
          );
        return { id: inv.workspaceId, name: ws?.name ?? "", role: m?.role ?? inv.role };
      }),
    ),

  changeRole: workspaceProcedure("owner")
    .input(z.object({ userId: z.uuid(), role: RoleSchema }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        await lockWorkspace(tx as unknown as Database, ctx.workspace.id, ctx.user.id, "owner");
        const [member] = await tx
          .select({ role: memberships.role })
          .from(memberships)
          .where(
            and(
              eq(memberships.workspaceId, ctx.workspace.id),
              eq(memberships.userId, input.userId),
            ),
          );
        if (!member)
          throw new TRPCError({
            code: "NOT_FOUND",
            message: "That person is not a member of this workspace.",
          });
        if (
          member.role === "owner" &&
          input.role !== "owner" &&
          (await ownerCount(tx as unknown as Database, ctx.workspace.id)) <= 1
        ) {
          throw new TRPCError({
            code: "BAD_REQUEST",
            message: "A workspace needs at least one owner. Make someone else an owner first.",
          });
        }
        await tx
          .update(memberships)
          .set({ role: input.role })
          .where(
            and(
              eq(memberships.workspaceId, ctx.workspace.id),
              eq(memberships.userId, input.userId),
            ),
          );
        return { userId: input.userId, role: input.role };
      }),
    ),

  /** Owners remove anyone; any member may remove themselves (leave). */
  removeMember: workspaceProcedure("viewer")
    .input(z.object({ userId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        if (ctx.role !== "owner" && input.userId !== ctx.user.id) {
          throw new TRPCError({
            code: "FORBIDDEN",
            message: "Only owners can remove other members.",
          });
        }
        await lockWorkspace(
          tx as unknown as Database,
          ctx.workspace.id,
          ctx.user.id,
          input.userId === ctx.user.id ? "viewer" : "owner",
        );
        const [member] = await tx
          .select({ role: memberships.role })
          .from(memberships)
          .where(
            and(
              eq(memberships.workspaceId, ctx.workspace.id),
              eq(memberships.userId, input.userId),
            ),
          );
        if (!member)
          throw new TRPCError({
            code: "NOT_FOUND",
            message: "That person is not a member of this workspace.",
          });
        if (
          member.role === "owner" &&
          (await ownerCount(tx as unknown as Database, ctx.workspace.id)) <= 1
        ) {
          throw new TRPCError({
            code: "BAD_REQUEST",
            message: "A workspace needs at least one owner. Make someone else an owner first.",
          });
        }
        await tx
          .delete(memberships)
          .where(
            and(
              eq(memberships.workspaceId, ctx.workspace.id),
              eq(memberships.userId, input.userId),
            ),
          );
        return { removed: true };
      }),
    ),
} satisfies TRPCRouterRecord;
