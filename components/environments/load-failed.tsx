import { Button } from "@/components/ui/button";

/** "The history could not be loaded: <why>. Try again" for a query that failed. */
export function LoadFailed({ what, message, onRetry }: { what: string; message: string; onRetry: () => void }) {
  return (
    <p className="text-sm text-red-800">
      {what} could not be loaded: {message}{" "}
      <Button size="sm" variant="ghost" onClick={onRetry}>
        Try again
      </Button>
    </p>
  );
}
