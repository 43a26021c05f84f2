import "server-only";
import { headers } from "next/headers";
import type { ProjectActor } from "@/lib/auth/actor";
import { findSessionAccess } from "@/lib/auth/find-project-access";
import { actorWithAccess, projectActorFor } from "@/lib/auth/project-actor";
import { getAuth } from "@/lib/auth/server";
import { signedSessionToken } from "@/lib/auth/signed-session-token";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ProjectSummary } from "@/lib/projects/get-project-by-slug";
import { isSlug } from "@/lib/projects/schemas";
import { SIGN_IN_MESSAGE } from "@/lib/http/sign-in-gate";
import { fail, ok, type Result } from "@/lib/result";
import { excerpt } from "@/lib/text-checks";
import { getSignedInUser } from "./signed-in-user";

/**
 * Who is acting in `project`, resolved once per page: the signed-in person and their role
 * there. No session is `unauthenticated`; a person who is not a member gets `not_found`,
 * worded as for a project that does not exist, so its existence is not revealed.
 */
export async function resolveActor(db: PrismaClient, project: ProjectSummary): Promise<Result<ProjectActor>> {
  const user = await getSignedInUser();
  if (!user) return fail("unauthenticated", SIGN_IN_MESSAGE);
  return projectActorFor(db, user, project);
}

/**
 * The project `slug` names and who is acting in it, for the entries of server actions and
 * routes, in one query: the session row of the request's cookie (whose signature is checked
 * first, with Better Auth's secret) with its person, the project and their membership. The
 * session is read on every request, so a sign-out, a revoked session or a changed role counts
 * at once. No valid, unexpired session is `unauthenticated`, whatever the slug; an unknown
 * project and one the person is not a member of are the same `not_found`. Once a session is
 * due to be extended (Better Auth's updateAge), Better Auth reads it instead and extends it.
 */
export async function resolveProjectActor(db: PrismaClient, slug: string): Promise<Result<{ project: ProjectSummary; actor: ProjectActor }>> {
  if (!isSlug(slug)) return fail("not_found", "This project does not exist.");
  const auth = await (await getAuth()).$context;
  const token = await signedSessionToken((await headers()).get("cookie"), { name: auth.authCookies.sessionToken.name, secret: auth.secret });
  const found = token ? await findSessionAccess(db, token, slug) : null;
  // As Better Auth's getSession: a session past its expiry is no session.
  if (!found || found.expiresAt.getTime() < Date.now()) return fail("unauthenticated", SIGN_IN_MESSAGE);
  const { expiresIn, updateAge } = auth.sessionConfig;
  if (found.expiresAt.getTime() - expiresIn * 1000 + updateAge * 1000 <= Date.now() && !(await getSignedInUser())) {
    return fail("unauthenticated", SIGN_IN_MESSAGE);
  }
  if (!found.access) return fail("not_found", `There is no project "${excerpt(slug)}".`);
  const actor = actorWithAccess(found.user, found.access);
  return actor.ok ? ok({ project: found.access.project, actor: actor.value }) : actor;
}
