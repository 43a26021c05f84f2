import { Button } from "@/components/ui/button";

/** Covers the editor while a file loads, or says why it could not and offers to try again. */
export function FileLoading({ error, onRetry }: { error: Error | null; onRetry: () => void }) {
  return (
    <div className="absolute inset-0 z-10 flex flex-col items-center justify-center gap-3 bg-white text-sm text-slate-600">
      {error ? (
        <>
          <p role="alert">Could not open the file: {error.message}</p>
          <Button size="sm" onClick={onRetry}>
            Try again
          </Button>
        </>
      ) : (
        <p role="status">Loading file…</p>
      )}
    </div>
  );
}
