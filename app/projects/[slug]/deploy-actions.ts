"use server";

import { z } from "zod";
import { deployLatestDraft } from "@/lib/deployments/deploy-latest-draft";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { promoteEnvironment } from "@/lib/deployments/promote-environment";
import type { DeploymentOutcome } from "@/lib/deployments/record-deployment";
import { rollForwardEnvironment } from "@/lib/deployments/roll-forward-environment";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";
import { getDb } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { idSchema } from "@/lib/ids";
import { getProjectBySlug } from "@/lib/projects/get-project-by-slug";
import { slugSchema } from "@/lib/projects/schemas";
import { fail, ok, type Result } from "@/lib/result";
import { invalidInput } from "@/lib/validation";
import { currentAuthor } from "@/lib/session/current-author";
import { createVersionInputSchema, type CreateVersionInput } from "@/lib/versions/schemas";

/** What the UI says after a deployment: "1.2.0 (#7) now runs in production." */
export interface DeployedJson {
  environment: { id: string; name: string };
  version: { id: string; number: number; name: string };
  kind: "deploy" | "promote" | "rollback";
}

/**
 * Every deployment action: parse the input, find the project, run one lib function as the
 * current author, and answer with what now runs where. No revalidatePath: React Query
 * refetches, and re-rendering the workspace would disturb the editor.
 */
async function deployment<Schema extends z.ZodType>(
  slug: unknown,
  schema: Schema,
  input: unknown,
  run: (db: PrismaClient, context: { projectId: string; author: string }, data: z.output<Schema>) => Promise<Result<DeploymentOutcome>>,
): Promise<Result<DeployedJson>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) return invalidInput(parsed.error, "The request is not valid.");
  const parsedSlug = slugSchema.safeParse(slug);
  if (!parsedSlug.success) return fail("not_found", "This project does not exist.");
  const db = await getDb();
  const project = await getProjectBySlug(db, parsedSlug.data);
  if (!project.ok) return project;
  const result = await run(db, { projectId: project.value.id, author: currentAuthor() }, parsed.data);
  if (!result.ok) return result;
  const { environment, deployment: entry } = result.value;
  return ok({ environment, version: entry.version, kind: entry.kind });
}

/** The dialog's confirmation; a request without it is unconfirmed, and refused for production. */
const confirmedSchema = z.boolean().default(false);

const deployDraftSchema = createVersionInputSchema.extend({ environmentId: idSchema, confirmed: confirmedSchema });

/** Snapshots the draft as a `deployment` version and activates it, in one transaction. */
export async function deployLatestDraftAction(slug: string, input: CreateVersionInput & { environmentId: string; confirmed?: boolean }) {
  return deployment(slug, deployDraftSchema, input, (db, context, data) => deployLatestDraft(db, { ...context, ...data }));
}

const deployVersionSchema = z.object({ environmentId: idSchema, versionId: idSchema, confirmed: confirmedSchema });

/** Makes an existing version active in an environment; no version is created. */
export async function deployVersionAction(slug: string, input: { environmentId: string; versionId: string; confirmed?: boolean }) {
  return deployment(slug, deployVersionSchema, input, (db, context, data) => deployVersion(db, { ...context, ...data }));
}

const promoteSchema = z.object({
  fromEnvironmentId: idSchema,
  toEnvironmentId: idSchema,
  expectedVersionId: idSchema,
  confirmed: confirmedSchema,
});

/** Deploys the version one environment runs to another, recorded as a promotion. */
export async function promoteEnvironmentAction(
  slug: string,
  input: { fromEnvironmentId: string; toEnvironmentId: string; expectedVersionId: string; confirmed?: boolean },
) {
  return deployment(slug, promoteSchema, input, (db, context, data) => promoteEnvironment(db, { ...context, ...data }));
}

const rollbackSchema = z.object({ environmentId: idSchema, expectedVersionId: idSchema });

/** Re-activates the version that ran before, if it is still the one the user was shown. */
export async function rollbackEnvironmentAction(slug: string, input: { environmentId: string; expectedVersionId: string }) {
  return deployment(slug, rollbackSchema, input, (db, context, data) => rollbackEnvironment(db, { ...context, ...data }));
}

const rollForwardSchema = z.object({ environmentId: idSchema, expectedVersionId: idSchema, confirmed: confirmedSchema });

/** Undoes the newest rollback, if it still re-activates the version the user was shown; production needs the confirmation. */
export async function rollForwardEnvironmentAction(
  slug: string,
  input: { environmentId: string; expectedVersionId: string; confirmed?: boolean },
) {
  return deployment(slug, rollForwardSchema, input, (db, context, data) => rollForwardEnvironment(db, { ...context, ...data }));
}
