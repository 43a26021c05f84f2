import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getSignedInUser } from "@/app/_entry/signed-in-user";
import { AccessTokensSection } from "@/components/account/access-tokens-section";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { SiteHeader } from "@/components/ui/site-header";
import { twoFactorEnabled } from "@/lib/auth/two-factor/two-factor-enabled";
import { getDb } from "@/lib/db/client";
import { listProjectsForUser } from "@/lib/projects/list-projects-for-user";
import { listAccessTokens } from "@/lib/tokens/list-access-tokens";

export const metadata: Metadata = { title: "Account · Draftline" };

/** The signed-in person's own settings: one section per concern, each owning its data and controls. */
export default async function AccountPage() {
  await connection();
  const user = await getSignedInUser();
  if (!user) redirect("/sign-in?next=%2Faccount");
  const db = await getDb();
  const [enabled, tokens, projects] = await Promise.all([twoFactorEnabled(db, user.id), listAccessTokens(db, user.id), listProjectsForUser(db, user)]);
  return (
    <div className="min-h-dvh bg-slate-50">
      <SiteHeader />
      <main className="mx-auto flex max-w-3xl flex-col gap-8 px-4 py-8">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Account</h1>
          <p className="mt-1 text-sm break-all text-slate-700">
            {user.name} · {user.email}
          </p>
        </div>
        <TwoFactorSection enabled={enabled} />
        <AccessTokensSection tokens={tokens} projects={projects.map(({ id, name }) => ({ id, name }))} />
      </main>
    </div>
  );
}
