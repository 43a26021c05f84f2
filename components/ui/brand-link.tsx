import Image from "next/image";
import Link from "next/link";

/** The link back to the projects page that starts every page's header (the logo, and "Projects" where there is room), followed by a separator unless it stands alone. */
export function BrandLink({ separator = true }: { separator?: boolean }) {
  return (
    <>
      <Link
        href="/"
        className="flex shrink-0 items-center gap-2 rounded text-sm font-semibold text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <Image src="/logo.svg" alt="" width={28} height={28} className="h-7 w-7" priority />
        <span className="max-lg:sr-only">Projects</span>
      </Link>
      {separator ? (
        <span aria-hidden className="text-slate-300 max-sm:hidden">
          /
        </span>
      ) : null}
    </>
  );
}
