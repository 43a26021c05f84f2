import { z } from "zod";
import { apiOperation } from "@/lib/api/api-operation";
import { confirmedSchema, requestNoteSchema, bypassReasonSchema, restoreSettingsSchema } from "@/lib/deployments/schemas";
import { draftPathSchema } from "@/lib/drafts/schemas";
import { environmentSettingInputSchema } from "@/lib/environments/schemas";
import { idSchema } from "@/lib/ids";
import { noteSchema } from "@/lib/requests/schemas";
import { MAX_VERSION_PAGE_SIZE } from "@/lib/versions/list-versions";
import { createVersionInputSchema } from "@/lib/versions/schemas";
import { VERSION_ORIGINS } from "@/lib/versions/version-summary";
import { textParam, wholeNumberParam } from "./query-fields";

const DEPLOY_ERRORS = { 409: "The environment changed meanwhile, or the version is already active there." } as const;

export const listVersions = apiOperation({
  method: "GET",
  path: "/projects/{slug}/versions",
  access: "read",
  summary: "List versions, newest first",
  description: "Pages with a cursor: pass the answer's `nextBefore` as `before` for the next, older page (null on the last).",
  query: z.object({
    search: textParam("search", 200).optional().describe("Name or description contains it, ignoring case."),
    before: wholeNumberParam("before", 1, 2 ** 31 - 1).optional(),
    limit: wholeNumberParam("limit", 1, MAX_VERSION_PAGE_SIZE).optional(),
    environment: textParam("environment", 100).optional().describe("Only the version active in this environment (by name)."),
    origin: z.enum(VERSION_ORIGINS, { error: `\`origin\` must be one of ${VERSION_ORIGINS.join(", ")}.` }).optional(),
    author: textParam("author", 200).optional(),
  }),
  success: { status: 200, description: "`{ items, nextBefore, total }`." },
});

export const createVersion = apiOperation({
  method: "POST",
  path: "/projects/{slug}/versions",
  access: "edit",
  summary: "Create a version from the latest draft",
  body: createVersionInputSchema,
  success: { status: 201, description: "The new version." },
  errors: { 409: "A version has that name." },
});

export const showVersion = apiOperation({
  method: "GET",
  path: "/projects/{slug}/versions/{versionId}",
  access: "read",
  summary: "Show a version and its file paths",
  success: { status: 200, description: "The version with `paths`." },
});

export const readVersionFile = apiOperation({
  method: "GET",
  path: "/projects/{slug}/versions/{versionId}/files",
  access: "read",
  summary: "Read one file of a version",
  query: z.object({ path: draftPathSchema }),
  success: { status: 200, description: "`{ path, content }`." },
});

export const restoreVersion = apiOperation({
  method: "POST",
  path: "/projects/{slug}/versions/{versionId}/restore",
  access: "edit",
  summary: "Restore a version as the latest draft",
  body: z.object({ saveBackup: z.boolean({ error: "Say whether to save the draft as a backup version first." }).default(true) }),
  success: { status: 200, description: "The restored version and the backup made, if any." },
});

export const diffRefs = apiOperation({
  method: "GET",
  path: "/projects/{slug}/diff",
  access: "read",
  summary: "Compare two refs (`draft` or a version id)",
  query: z.object({ from: textParam("from", 200).describe("`draft` or a version id."), to: textParam("to", 200).describe("`draft` or a version id.") }),
  success: { status: 200, description: "`{ from, to, changes, summary }`." },
});

export const listEnvironments = apiOperation({
  method: "GET",
  path: "/projects/{slug}/environments",
  access: "read",
  summary: "List environments with their active versions",
  success: { status: 200, description: "`{ environments }`." },
});

export const environmentHistory = apiOperation({
  method: "GET",
  path: "/projects/{slug}/environments/{environmentId}/history",
  access: "read",
  summary: "An environment's deployments, newest first",
  query: z.object({ before: wholeNumberParam("before", 1, 2 ** 31 - 1).optional(), limit: wholeNumberParam("limit", 1, 200).optional() }),
  success: { status: 200, description: "One page of deployments; pass `nextBefore` as `before` for the next." },
});

export const listSettings = apiOperation({
  method: "GET",
  path: "/projects/{slug}/environments/{environmentId}/settings",
  access: "read",
  summary: "An environment's settings (secrets masked)",
  success: { status: 200, description: "The settings by key; a secret's value is never sent in full." },
});

export const setSetting = apiOperation({
  method: "POST",
  path: "/projects/{slug}/environments/{environmentId}/settings",
  access: "edit_settings",
  summary: "Create or replace a setting",
  body: environmentSettingInputSchema.extend({ mode: z.enum(["create", "replace"], { error: "Say `create` or `replace`." }).default("create") }),
  success: { status: 200, description: "The setting as it is shown (a secret masked)." },
  errors: { 409: "The setting exists (create) or does not (replace)." },
});

export const deleteSetting = apiOperation({
  method: "DELETE",
  path: "/projects/{slug}/environments/{environmentId}/settings",
  access: "edit_settings",
  summary: "Delete a setting",
  query: z.object({ key: textParam("key", 200) }),
  success: { status: 200, description: "What was deleted." },
});

export const deploy = apiOperation({
  method: "POST",
  path: "/projects/{slug}/environments/{environmentId}/deployments",
  access: "deploy",
  summary: "Deploy a version, or the latest draft as a new version",
  description:
    "Send `versionId` to deploy an existing version, or `latestDraft: { name, description }` to snapshot the draft and deploy it in one transaction. A protected environment answers with a deployment request instead (`outcome: \"requested\"`). Send an `Idempotency-Key` so a retry never deploys twice.",
  body: z
    .object({
      versionId: idSchema.optional(),
      latestDraft: createVersionInputSchema.optional(),
      confirmed: confirmedSchema,
      note: requestNoteSchema,
    })
    .refine((body) => (body.versionId === undefined) !== (body.latestDraft === undefined), {
      message: "Send either `versionId` or `latestDraft`, not both.",
      path: ["versionId"],
    }),
  success: { status: 201, description: "`{ outcome: \"deployed\" | \"requested\", environment, version, … }`." },
  errors: DEPLOY_ERRORS,
});

export const promote = apiOperation({
  method: "POST",
  path: "/projects/{slug}/environments/{environmentId}/promote",
  access: "deploy",
  summary: "Promote the version another environment runs to this one",
  body: z.object({ fromEnvironmentId: idSchema, expectedVersionId: idSchema, confirmed: confirmedSchema, note: requestNoteSchema }),
  success: { status: 201, description: "As for a deployment." },
  errors: DEPLOY_ERRORS,
});

export const rollback = apiOperation({
  method: "POST",
  path: "/projects/{slug}/environments/{environmentId}/rollback",
  access: "deploy",
  summary: "Roll back to the version that ran before",
  body: z.object({ expectedVersionId: idSchema.describe("The version you expect to roll back to; refused if the environment changed since."), note: requestNoteSchema, bypassReason: bypassReasonSchema }),
  success: { status: 201, description: "As for a deployment." },
  errors: DEPLOY_ERRORS,
});

export const rollbackToLastHealthy = apiOperation({
  method: "POST",
  path: "/projects/{slug}/environments/{environmentId}/rollback-to-last-healthy",
  access: "deploy",
  summary: "Roll back to the last healthy version",
  description:
    "Re-activates the newest version deployed to the environment before the active one whose newest finished runs there (`DRAFTLINE_HEALTHY_RUNS`, 5 by default) all succeeded, as a rollback: a protected environment answers with a deployment request instead. The environment list's `healthyTarget` names that version.",
  body: z.object({
    expectedVersionId: idSchema.describe("The version you expect to roll back to (the environment's `healthyTarget`); refused if that changed since."),
    note: requestNoteSchema,
    bypassReason: bypassReasonSchema,
    restoreSettings: restoreSettingsSchema.describe("Also put the settings back as they were when that version last ran there."),
  }),
  success: { status: 201, description: "As for a deployment." },
  errors: { 409: "The environment changed meanwhile, or no earlier version's recent runs there all succeeded." },
});

export const listRequests = apiOperation({
  method: "GET",
  path: "/projects/{slug}/requests",
  access: "read",
  summary: "List deployment requests",
  success: { status: 200, description: "`{ requests }`: the pending ones, then the newest closed ones." },
});

const decision = z.object({ comment: noteSchema("The comment").default("") });

export const approveRequest = apiOperation({
  method: "POST",
  path: "/projects/{slug}/requests/{requestId}/approve",
  access: "approve",
  summary: "Approve someone else's deployment request",
  body: decision,
  success: { status: 200, description: "`{ status, approvals, requiredApprovals }`; the last approval deploys." },
  errors: { 409: "The request is closed, or the environment changed since it was made." },
});

export const rejectRequest = apiOperation({
  method: "POST",
  path: "/projects/{slug}/requests/{requestId}/reject",
  access: "approve",
  summary: "Reject someone else's deployment request",
  body: decision,
  success: { status: 200, description: "`{ status: \"rejected\" }`." },
  errors: { 409: "The request is closed." },
});

export const exportActivity = apiOperation({
  method: "GET",
  path: "/projects/{slug}/activity/export",
  access: "read",
  summary: "Export the activity log (CSV or JSON lines), newest first",
  query: z.object({
    format: z.enum(["csv", "jsonl"], { error: "`format` must be csv or jsonl." }),
    person: textParam("person", 100).optional(),
    kind: textParam("kind", 100).optional(),
    environment: textParam("environment", 100).optional(),
    from: textParam("from", 10).optional().describe("First day, YYYY-MM-DD (UTC)."),
    to: textParam("to", 10).optional().describe("Last day, YYYY-MM-DD (UTC)."),
  }),
  success: { status: 200, description: "The events as text/csv or application/jsonl." },
});
