import Link from "next/link";
import { Button } from "@/components/ui/button";

/** The body while the first comparison loads: a file list and a diff, sketched. */
export function CompareLoading() {
  return (
    <div className="flex min-h-0 flex-1" aria-busy="true">
      <div className="w-72 shrink-0 border-r border-slate-200 bg-white px-4 py-3">
        <div aria-hidden className="space-y-2.5">
          <div className="h-3.5 w-2/3 animate-pulse rounded bg-slate-200" />
          {[0, 1, 2, 3].map((row) => (
            <div key={row} className="h-3 w-4/5 animate-pulse rounded bg-slate-100" />
          ))}
        </div>
        <p role="status" className="mt-4 text-xs text-slate-600">
          Loading comparison…
        </p>
      </div>
      <div className="flex-1 bg-white" />
    </div>
  );
}

interface CompareErrorProps {
  message: string;
  notFound: boolean;
  workspaceHref: string;
  onRetry: () => void;
}

export function CompareError({ message, notFound, workspaceHref, onRetry }: CompareErrorProps) {
  return (
    <div className="flex flex-1 items-start justify-center bg-white px-6 pt-20">
      <div role="alert" className="max-w-md text-center">
        <p className="text-base font-semibold text-slate-900">
          {notFound ? "This comparison cannot be shown" : "The comparison could not be loaded"}
        </p>
        <p className="mt-1 text-sm text-slate-600">{message}</p>
        {notFound ? (
          <p className="mt-1 text-sm text-slate-600">Choose another version under From or To.</p>
        ) : null}
        <div className="mt-4 flex justify-center gap-2">
          {notFound ? null : <Button onClick={onRetry}>Try again</Button>}
          <Link
            href={workspaceHref}
            className="inline-flex h-9 items-center rounded-md bg-indigo-600 px-3 text-sm font-medium text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Return to the latest draft
          </Link>
        </div>
      </div>
    </div>
  );
}

/** Both sides hold the same files with the same contents. */
export function NoDifferences({ fromLabel, toLabel, sameSide, fileCount }: { fromLabel: string; toLabel: string; sameSide: boolean; fileCount: number }) {
  let detail: string;
  if (sameSide) detail = `Both sides are ${fromLabel}. Choose another version under From or To.`;
  else if (fileCount === 0) detail = `${fromLabel} and ${toLabel} have no files.`;
  else detail = `${fromLabel} and ${toLabel} have the same ${fileCount === 1 ? "file" : `${fileCount.toLocaleString("en")} files`}.`;
  return (
    <div role="status" className="flex flex-1 flex-col items-center justify-center gap-1 bg-white px-6 text-center">
      <p className="text-base font-semibold text-slate-900">No differences</p>
      <p className="max-w-md text-sm text-slate-600">{detail}</p>
    </div>
  );
}
