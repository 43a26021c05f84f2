import Link from "next/link";

/** The "Draftline" home link that starts every page's header. */
export function BrandLink() {
  return (
    <>
      <Link
        href="/"
        className="flex shrink-0 items-center gap-2 rounded text-sm font-semibold text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span aria-hidden className="flex h-7 w-7 items-center justify-center rounded-md bg-indigo-600 text-xs font-bold text-white">
          D
        </span>
        <span className="max-lg:sr-only">Draftline</span>
      </Link>
      <span aria-hidden className="text-slate-300 max-sm:hidden">
        /
      </span>
    </>
  );
}
