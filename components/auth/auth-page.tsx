import type { ReactNode } from "react";
import { BrandLink } from "@/components/ui/brand-link";

/** The frame of the pages people see before they are in a project: signing in, first start, joining. */
export function AuthPage({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col bg-slate-50">
      <header className="flex h-14 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4">
        <BrandLink separator={false} />
      </header>
      <main className="mx-auto w-full max-w-sm px-4 py-10 sm:py-16">
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
          {intro ? <div className="mt-2 text-sm text-slate-700">{intro}</div> : null}
          <div className="mt-5">{children}</div>
        </div>
      </main>
    </div>
  );
}
