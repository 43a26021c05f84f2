import Link from "next/link";
import type { ReactNode } from "react";
import { BrandLink } from "./brand-link";

export interface StatusLink {
  href: string;
  label: string;
}

/**
 * A whole page that explains why there is nothing to show (not found, an error) and offers
 * the ways back: links, and `children` for anything else (a Try again button).
 */
export function StatusPage({ title, message, links, children }: { title: string; message: ReactNode; links: StatusLink[]; children?: ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="flex h-14 shrink-0 items-center gap-4 border-b border-slate-200 bg-white px-4">
        <BrandLink separator={false} />
      </header>
      <main className="mx-auto w-full max-w-xl p-8">
        <h1 className="text-xl font-semibold text-slate-900">{title}</h1>
        <p className="mt-2 text-slate-700">{message}</p>
        <div className="mt-5 flex flex-wrap items-center gap-4 text-sm">
          {children}
          {links.map((link, index) => (
            <Link
              key={link.href}
              href={link.href}
              className={
                index === 0
                  ? "rounded font-medium text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                  : "rounded text-indigo-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
              }
            >
              {link.label}
            </Link>
          ))}
        </div>
      </main>
    </div>
  );
}

export const ALL_PROJECTS: StatusLink = { href: "/", label: "All projects" };

export function projectLink(slug: string, label = "Back to latest draft"): StatusLink {
  return { href: `/projects/${encodeURIComponent(slug)}`, label };
}
