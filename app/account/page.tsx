import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { getSignedInUser } from "@/app/_entry/signed-in-user";
import { AccountMenu } from "@/components/auth/account";
import { TwoFactorSection } from "@/components/account/two-factor-section";
import { BrandLink } from "@/components/ui/brand-link";
import { twoFactorEnabled } from "@/lib/auth/two-factor/two-factor-enabled";
import { getDb } from "@/lib/db/client";

export const metadata: Metadata = { title: "Your account · Draftline" };

/** The signed-in person's own settings, a section each. */
export default async function AccountPage() {
  await connection();
  const user = await getSignedInUser();
  if (!user) redirect("/sign-in?next=%2Faccount");
  const enabled = await twoFactorEnabled(await getDb(), user.id);
  return (
    <div className="min-h-dvh bg-slate-50">
      <header className="flex h-14 items-center gap-4 border-b border-slate-200 bg-white px-4">
        <BrandLink separator={false} />
        <div className="ml-auto">
          <AccountMenu />
        </div>
      </header>
      <main className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-8">
        <div>
          <h1 className="text-xl font-semibold text-slate-900">Your account</h1>
          <p className="mt-1 text-sm break-all text-slate-700">
            {user.name} · {user.email}
          </p>
        </div>
        <TwoFactorSection enabled={enabled} />
      </main>
    </div>
  );
}
