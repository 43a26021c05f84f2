import { Button } from "@/components/ui/button";

/**
 * The link asked for a file that is not there (`?file=` of a deleted or mistyped path): says
 * so and what is shown instead. Dismissing points the address at the file shown.
 */
export function MissingFileNotice({ path, where, shown, onDismiss }: { path: string | null; where: string; shown: string | null; onDismiss: () => void }) {
  if (path === null) return null;
  return (
    <div role="status" className="flex items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <p className="min-w-0 flex-1 break-words">
        {path} does not exist in {where}.{shown ? ` Showing ${shown} instead.` : ""}
      </p>
      <Button size="sm" variant="ghost" onClick={onDismiss}>
        Dismiss
      </Button>
    </div>
  );
}
