import type { AuditKind } from "./record-event";

/** What the words need of an event: the wire shape and the domain shape both fit. */
export interface DescribableEvent {
  actorName: string;
  kind: string;
  summary: Record<string, unknown>;
}

/** The kind filter's options and the table's "kind" words; a kind missing here is shown as it is stored. */
export const KIND_LABELS: Partial<Record<AuditKind, string>> = {
  "version.created": "Version created",
  "draft.restored": "Draft restored",
  "deployment.deployed": "Deployed",
  "deployment.promoted": "Promoted",
  "deployment.rolled_back": "Rolled back",
  "deployment.rolled_forward": "Rolled forward",
  "settings.changed": "Settings changed",
  "settings.restored": "Settings restored",
  "project.created": "Project created",
  "project.naming_changed": "Naming convention changed",
  "project.two_factor_changed": "Two-factor requirement changed",
  "member.invited": "Member invited",
  "member.joined": "Member joined",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "invite.revoked": "Invite withdrawn",
  "environment.protection_changed": "Protection changed",
  "request.created": "Deployment requested",
  "request.approved": "Request approved",
  "request.rejected": "Request rejected",
  "request.cancelled": "Request cancelled",
  "request.bypassed": "Approval bypassed",
  "token.created": "Access token created",
  "token.revoked": "Access token revoked",
  "environment.hook_token_regenerated": "Trigger token renewed",
  "execution.queued": "Run started",
  "secrets.key_rotated": "Secret key rotated",
  sign_in: "Signed in",
  sign_in_failed: "Sign-in failed",
  "two_factor.enabled": "Two-factor sign-in turned on",
  "two_factor.disabled": "Two-factor sign-in turned off",
};

export function kindLabel(kind: string): string {
  return (KIND_LABELS as Record<string, string | undefined>)[kind] ?? kind;
}

type Words = (who: string, summary: Summary) => string | null;

const DESCRIPTIONS: Partial<Record<AuditKind, Words>> = {
  "version.created": (who, s) => {
    const version = versionName(s.get("name"), s.get("number"));
    if (!version) return null;
    if (s.get("origin") === "backup") return `${who} saved the draft as backup version ${version}`;
    if (s.get("origin") === "deployment") return `${who} created version ${version} to deploy it`;
    return `${who} created version ${version}`;
  },
  "draft.restored": (who, s) => {
    const version = refName(s.get("version"));
    if (!version) return null;
    const backup = refName(s.get("backup"));
    return `${who} restored the draft to ${version}${backup ? `, saving it first as ${backup}` : ""}`;
  },
  "deployment.deployed": (who, s) => deployment(s, (version, environment) => `${who} deployed ${version} to ${environment}`),
  "deployment.promoted": (who, s) => {
    const from = text(s.get("fromEnvironment"));
    return deployment(s, (version, environment) => `${who} promoted ${version} ${from ? `from ${from} ` : ""}to ${environment}`);
  },
  "deployment.rolled_back": (who, s) => deployment(s, (version, environment) => `${who} rolled ${environment} back to ${version}`),
  "deployment.rolled_forward": (who, s) => deployment(s, (version, environment) => `${who} rolled ${environment} forward to ${version}`),
  "settings.changed": (who, s) => {
    const key = text(s.get("key"));
    const environment = text(s.get("environment"));
    if (!key || !environment) return null;
    const what = `${s.get("secret") === true ? "secret" : "setting"} ${key}`;
    if (s.get("change") === "added") return `${who} added ${what} to ${environment}`;
    if (s.get("change") === "removed") return `${who} removed ${what} from ${environment}`;
    return `${who} changed ${what} in ${environment}`;
  },
  "token.created": (who, s) => {
    const name = text(s.get("name"));
    return name ? `${who} created access token ${name} for ${text(s.get("scope")) ?? "the API"}` : null;
  },
  "token.revoked": (who, s) => {
    const name = text(s.get("name"));
    return name ? `${who} revoked access token ${name}` : null;
  },
  "settings.restored": (who, s) => {
    const environment = text(s.get("environment"));
    const from = s.get("restoredFrom");
    const revision = s.get("revision");
    if (!environment || typeof from !== "number" || typeof revision !== "number") return null;
    return `${who} restored ${environment}'s settings as they were in revision ${from} (now revision ${revision})`;
  },
  "environment.hook_token_regenerated": (who, s) => {
    const environment = text(s.get("environment"));
    return environment ? `${who} made a new trigger token for ${environment}` : null;
  },
  "execution.queued": (who, s) => {
    const workflow = text(s.get("workflow"));
    const environment = text(s.get("environment"));
    const version = refName(s.get("version"));
    if (!workflow || !environment || !version) return null;
    return `${who} ran ${workflow} in ${environment} on ${version}`;
  },
  "secrets.key_rotated": (who, s) => {
    const keyId = text(s.get("keyId"));
    if (!keyId) return null;
    const counted = [
      count(s.get("environments"), "environment"),
      count(s.get("secrets"), "secret"),
      count(s.get("values"), "plain value"),
      count(s.get("revisionEntries"), "revision entry", "revision entries"),
      count(s.get("twoFactors"), "two-factor sign-in"),
    ].filter((part): part is string => part !== null);
    return `${who} re-encrypted the settings under a new secret key (key ${keyId})${counted.length ? `: ${counted.join(", ")}` : ""}`;
  },
};

function count(value: unknown, one: string, many = `${one}s`): string | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? `${value} ${value === 1 ? one : many}` : null;
}

/** The event in words: "Ada deployed 1.2.0 to production (was 1.1.0)". Unknown kinds or shapes get a generic sentence. */
export function describeEvent(event: DescribableEvent): string {
  const words = (DESCRIPTIONS as Record<string, Words | undefined>)[event.kind];
  const summary = new Summary(event.summary);
  return words?.(event.actorName, summary) ?? `${event.actorName}: ${kindLabel(event.kind)}`;
}

class Summary {
  constructor(private readonly values: Record<string, unknown>) {}
  get(key: string): unknown {
    return Object.hasOwn(this.values, key) ? this.values[key] : undefined;
  }
}

function deployment(s: Summary, sentence: (version: string, environment: string) => string): string | null {
  const version = refName(s.get("version"));
  const environment = text(s.get("environment"));
  if (!version || !environment) return null;
  const previous = refName(s.get("previousVersion"));
  return `${sentence(version, environment)} (${previous ? `was ${previous}` : "its first deployment"})`;
}

function refName(value: unknown): string | null {
  if (value === null || typeof value !== "object") return null;
  const ref = value as Record<string, unknown>;
  return text(ref.name);
}

function versionName(name: unknown, number: unknown): string | null {
  const named = text(name);
  if (!named) return null;
  return typeof number === "number" ? `${named} (#${number})` : named;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
