import { isRole, type Role } from "@/lib/auth/roles";
import type { Db } from "@/lib/db/client";
import { fail, ok, type Result } from "@/lib/result";
import { hashInviteToken, isInviteToken } from "./invite-token";

export interface OpenInvite {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  project: { id: string; slug: string; name: string };
}

const UNKNOWN = "This invite link is not valid. Ask an admin of the project for a new one.";

/** The invite a link names, if it can still be used: not used, not revoked, not expired. */
export async function findInvite(db: Db, token: unknown, now = new Date()): Promise<Result<OpenInvite>> {
  if (!isInviteToken(token)) return fail("not_found", UNKNOWN);
  const invite = await db.projectInvite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    select: {
      id: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      project: { select: { id: true, slug: true, name: true } },
    },
  });
  if (!invite || !isRole(invite.role)) return fail("not_found", UNKNOWN);
  if (invite.acceptedAt) return fail("conflict", "This invite link has already been used. Sign in, or ask an admin for a new link.");
  if (invite.revokedAt) return fail("conflict", "This invite link was withdrawn. Ask an admin of the project for a new one.");
  if (invite.expiresAt <= now) return fail("conflict", "This invite link has expired (links last 7 days). Ask an admin of the project for a new one.");
  return ok({ id: invite.id, email: invite.email, role: invite.role, expiresAt: invite.expiresAt, project: invite.project });
}
