/**
 * Roles and what each may do (DESIGN.md, "People, roles and approvals"). The roles are ordered:
 * each may do everything the one before it may, so an operation names the least role it needs.
 */
export const ROLES = ["viewer", "builder", "release_manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  viewer: "Viewer",
  builder: "Builder",
  release_manager: "Release manager",
  admin: "Admin",
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export type Operation =
  /** Files, versions, environments and activity (secret values never). */
  | "read"
  /** Edit the draft, create versions, restore. */
  | "edit"
  /** Deploy, promote or roll back an unprotected environment; request one for a protected environment. */
  | "deploy"
  /** Approve or reject someone else's deployment request. */
  | "approve"
  /** Edit the settings of an unprotected environment. */
  | "edit_settings"
  /** Edit the settings of a protected environment. */
  | "edit_protected_settings"
  /** Members, roles, protection rules, naming convention and project settings. */
  | "administer";

const LEAST_ROLE: Record<Operation, Role> = {
  read: "viewer",
  edit: "builder",
  deploy: "builder",
  approve: "release_manager",
  edit_settings: "builder",
  edit_protected_settings: "release_manager",
  administer: "admin",
};

const WHAT: Record<Operation, string> = {
  read: "see this project",
  edit: "change the draft or make versions",
  deploy: "deploy",
  approve: "approve or reject deployment requests",
  edit_settings: "change an environment's settings",
  edit_protected_settings: "change a protected environment's settings",
  administer: "manage members and project settings",
};

export function can(role: Role, operation: Operation): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(LEAST_ROLE[operation]);
}

/** The roles allowed an operation, for the UI to say why a control is disabled. */
export function rolesThatCan(operation: Operation): Role[] {
  return ROLES.filter((role) => can(role, operation));
}

/** Why a role may not do something, naming the roles that may: "Only a Release manager or Admin can approve…". */
export function refusalMessage(operation: Operation): string {
  const labels = rolesThatCan(operation).map((role) => ROLE_LABELS[role]);
  const who = labels.length > 1 ? `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}` : labels[0];
  return `Only a${/^[AEIOU]/.test(who ?? "") ? "n" : ""} ${who} can ${WHAT[operation]}.`;
}
