import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";

/** What happened. One kind per change a person can make (DESIGN.md, "Activity"). */
export type AuditKind =
  | "sign_in"
  | "sign_in_failed"
  | "owner.created"
  | "two_factor.enabled"
  | "two_factor.disabled"
  | "project.created"
  | "project.naming_changed"
  | "project.two_factor_changed"
  | "member.invited"
  | "member.joined"
  | "member.role_changed"
  | "member.removed"
  | "invite.revoked"
  | "environment.protection_changed"
  | "settings.changed"
  | "settings.restored"
  | "version.created"
  | "draft.restored"
  | "deployment.deployed"
  | "deployment.promoted"
  | "deployment.rolled_back"
  | "deployment.rolled_forward"
  | "request.created"
  | "request.approved"
  | "request.rejected"
  | "request.cancelled"
  | "request.bypassed"
  | "token.created"
  | "token.revoked"
  | "environment.hook_token_regenerated"
  | "execution.queued"
  | "secrets.key_rotated";

/** Ids and a before/after summary: JSON only, and never a secret value. */
export type AuditSummary = Record<string, Prisma.InputJsonValue | null>;

export interface AuditEventInput {
  projectId: string | null;
  environmentId?: string | null;
  actor: Actor;
  kind: AuditKind;
  summary: AuditSummary;
  ipAddress?: string | null;
  userAgent?: string | null;
}

/**
 * Appends one event to the activity log. Call it with the transaction that makes the change,
 * so the change and its event are committed together or not at all (invariant 9).
 */
export async function recordEvent(tx: Prisma.TransactionClient, event: AuditEventInput): Promise<void> {
  await tx.$executeRaw(insertEvent(event));
}

/**
 * The statement recordEvent runs, for a change written in one statement of its own: as a
 * data-modifying `WITH` part, the event is committed with the change in the same round trip.
 * `onlyWith` names a row source the event needs a row of (`FROM <onlyWith>`): no row, no event.
 */
export function insertEvent(event: AuditEventInput, onlyWith: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const from = onlyWith === Prisma.empty ? Prisma.empty : Prisma.sql`FROM ${onlyWith}`;
  return Prisma.sql`
    INSERT INTO audit_events (project_id, environment_id, actor_id, actor_name, kind, summary, ip_address, user_agent, created_at)
    SELECT ${event.projectId}, ${event.environmentId ?? null}, ${event.actor.id}, ${event.actor.name}, ${event.kind},
           ${JSON.stringify(event.summary)}::jsonb, ${event.ipAddress ?? null}, ${event.userAgent ?? null}, statement_timestamp()
    ${from}`;
}
