import { Button } from "@/components/ui/button";

/** Tells the user that text from an earlier visit, never saved then, was brought back. */
export function RestoredNotice({ paths, onDismiss }: { paths: string[]; onDismiss: () => void }) {
  if (paths.length === 0) return null;
  const names = paths.length <= 3 ? paths.join(", ") : `${paths.slice(0, 3).join(", ")} and ${paths.length - 3} more`;
  return (
    <div role="status" className="flex items-center gap-3 border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-900">
      <p className="min-w-0 flex-1">
        Restored unsaved changes to {names}: this browser kept them while they could not be saved, and has sent
        them again.
      </p>
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}
