/** The words of each email Rapport sends (plain text: it reads the same in every client). */
import type { EmailInput } from "./outbox";

export function invitationEmail(p: {
  workspaceId: string;
  to: string;
  workspaceName: string;
  inviterName: string;
  role: string;
  link: string;
  expiresAt: Date;
}): EmailInput {
  return {
    workspaceId: p.workspaceId,
    kind: "invitation",
    to: p.to,
    subject: `${p.inviterName} invited you to ${p.workspaceName} on Rapport`,
    text: [
      `${p.inviterName} invited you to join the workspace "${p.workspaceName}" on Rapport as ${p.role === "editor" ? "an" : "a"} ${p.role}.`,
      "",
      `Accept the invitation: ${p.link}`,
      "",
      `The link works once and until ${p.expiresAt.toUTCString()}. If you did not expect it, ignore this email.`,
    ].join("\n"),
  };
}

export function reminderEmail(p: {
  workspaceId: string;
  to: string;
  handle: string;
  platform: string;
  caption: string;
  link: string;
  plannedLocal: string;
}): EmailInput {
  const excerpt = p.caption.length > 140 ? `${p.caption.slice(0, 139)}…` : p.caption;
  return {
    workspaceId: p.workspaceId,
    kind: "reminder",
    to: p.to,
    subject: `Time to post on ${p.platform} @${p.handle}`,
    text: [
      `Your post for @${p.handle} is due now (${p.plannedLocal}).`,
      "",
      excerpt ? `"${excerpt}"` : "(no caption)",
      "",
      `Open it to copy the caption, download the media and mark it published: ${p.link}`,
    ].join("\n"),
  };
}

export function publishFailedEmail(p: {
  workspaceId: string;
  to: string;
  handle: string;
  reason: string;
  link: string;
}): EmailInput {
  return {
    workspaceId: p.workspaceId,
    kind: "publish-failed",
    to: p.to,
    subject: `A post for @${p.handle} could not be published`,
    text: [
      `Rapport could not publish a post for @${p.handle}.`,
      "",
      `Why: ${p.reason}`,
      "",
      `Fix it and retry, or publish it by hand: ${p.link}`,
    ].join("\n"),
  };
}
