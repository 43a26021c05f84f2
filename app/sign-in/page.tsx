import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getSignedInUser } from "@/app/_entry/signed-in-user";
import { AuthPage } from "@/components/auth/auth-page";
import { CreateOwnerForm } from "@/components/auth/create-owner-form";
import { SignInForm } from "@/components/auth/sign-in-form";
import { needsOwner } from "@/lib/auth/create-owner";
import { getDb } from "@/lib/db/client";
import { safeNextPath } from "@/lib/http/sign-in-gate";

export const metadata: Metadata = { title: "Sign in · Draftline" };

interface Props {
  searchParams: Promise<{ next?: string | string[] }>;
}

/** Sign in; on a fresh install (no account yet) the owner's account is created here instead. */
export default async function SignInPage({ searchParams }: Props) {
  await connection();
  const requested = (await searchParams).next;
  const next = safeNextPath(typeof requested === "string" ? requested : null);
  if (await getSignedInUser()) redirect(next);
  if (await needsOwner(await getDb())) {
    return (
      <AuthPage
        title="Create the owner account"
        intro="Draftline has no accounts yet. The owner is an admin of every project and invites everyone else."
      >
        <CreateOwnerForm next={next} />
      </AuthPage>
    );
  }
  return (
    <AuthPage title="Sign in">
      <SignInForm next={next} />
      <p className="mt-4 text-xs text-slate-600">
        No account? Ask an admin of your project for an invite link.
      </p>
    </AuthPage>
  );
}
