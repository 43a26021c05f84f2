import type { Role } from "@/lib/auth/roles";
import type { Wire } from "@/lib/http/wire";

/** A member of a project as the Members page shows them. */
export interface MemberView {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
}

/** An invite that can still be used: not used, not withdrawn, not expired. */
export interface PendingInviteView {
  id: string;
  email: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
}

export interface MembersView {
  members: MemberView[];
  invites: PendingInviteView[];
}

export type MembersJson = Wire<MembersView>;
export type MemberJson = Wire<MemberView>;
