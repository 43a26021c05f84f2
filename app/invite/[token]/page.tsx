import type { Metadata } from "next";
import { connection } from "next/server";
import { getSignedInUser } from "@/app/_entry/signed-in-user";
import { AuthPage } from "@/components/auth/auth-page";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { JoinAsSignedInForm, JoinWithNewAccountForm } from "@/components/auth/join-form";
import { StatusPage } from "@/components/ui/status-page";
import { getDb } from "@/lib/db/client";
import { findInvite } from "@/lib/members/find-invite";
import { ROLE_LABELS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Join a project · Draftline" };

interface Props {
  params: Promise<{ token: string }>;
}

/** An invite link: join the project with a new account, or as the signed-in person the invite is for. */
export default async function InvitePage({ params }: Props) {
  await connection();
  const { token } = await params;
  const invite = await findInvite(await getDb(), token);
  if (!invite.ok) {
    return <StatusPage title="This invite link cannot be used" message={invite.error.message} links={[{ href: "/sign-in", label: "Sign in" }]} />;
  }
  const { project, email, role } = invite.value;
  const user = await getSignedInUser();
  const intro = (
    <>
      You are invited as <strong>{ROLE_LABELS[role]}</strong> with the email <strong className="break-all">{email}</strong>.
    </>
  );
  if (user && user.email.toLowerCase() === email.toLowerCase()) {
    return (
      <AuthPage title={`Join ${project.name}`} intro={intro}>
        <JoinAsSignedInForm token={token} />
      </AuthPage>
    );
  }
  if (user) {
    return (
      <AuthPage title={`Join ${project.name}`} intro={intro}>
        <p className="text-sm text-slate-700">
          You are signed in as <strong className="break-all">{user.email}</strong>. Sign out, then open this link again to join as {email}.
        </p>
        <div className="mt-4">
          <SignOutButton />
        </div>
      </AuthPage>
    );
  }
  return (
    <AuthPage title={`Join ${project.name}`} intro={intro}>
      <JoinWithNewAccountForm token={token} />
    </AuthPage>
  );
}
