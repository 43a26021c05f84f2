import { Button } from "@/components/ui/button";

export function VersionListLoading() {
  return (
    <div className="px-4 py-3" aria-busy="true">
      <div aria-hidden className="space-y-3">
        {[0, 1, 2].map((row) => (
          <div key={row} className="animate-pulse space-y-1.5">
            <div className="h-3.5 w-1/3 rounded bg-slate-200" />
            <div className="h-3 w-4/5 rounded bg-slate-100" />
          </div>
        ))}
      </div>
      <p role="status" className="mt-3 text-xs text-slate-600">
        Loading versions…
      </p>
    </div>
  );
}

export function VersionListError({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="px-4 py-6 text-sm">
      <p className="font-medium text-red-800">The versions could not be loaded.</p>
      <p className="mt-1 text-slate-600">{message}</p>
      <Button size="sm" className="mt-3" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}

export function VersionListEmpty({ onCreate }: { onCreate: () => void }) {
  return (
    <div className="px-6 py-8 text-center">
      <p className="text-sm font-medium text-slate-900">No versions yet.</p>
      <p className="mx-auto mt-1 max-w-xs text-[13px] leading-5 text-slate-600">
        A version is a named snapshot of every file in this project. Create one before a risky change or to deploy it;
        you keep editing the draft and the version never changes.
      </p>
      <Button variant="primary" size="md" className="mt-4" onClick={onCreate}>
        Create the first version
      </Button>
    </div>
  );
}

export function VersionListNoResults({ search, filtered, onClear }: { search: string; filtered: boolean; onClear: () => void }) {
  return (
    <div className="px-6 py-8 text-center">
      <p className="text-sm text-slate-700">
        {search ? (
          <>
            No version names or descriptions match <span className="font-medium break-all">“{search}”</span>
            {filtered ? " with these filters" : ""}.
          </>
        ) : (
          "No versions match these filters."
        )}
      </p>
      <Button size="sm" className="mt-3" onClick={onClear}>
        {search ? (filtered ? "Clear search and filters" : "Clear search") : "Clear filters"}
      </Button>
    </div>
  );
}
