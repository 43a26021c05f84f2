import { Button } from "./button";

interface FormActionsProps {
  submitLabel: string;
  onCancel: () => void;
  busy: boolean;
  /** Announced while busy ("Saving…"). */
  busyText: string;
  variant?: "primary" | "danger";
}

/**
 * A dialog form's footer: what it is doing, Cancel and the submit button. While busy the submit
 * button is aria-disabled rather than disabled, so it keeps focus; the form ignores a second submit.
 */
export function FormActions({ submitLabel, onCancel, busy, busyText, variant = "primary" }: FormActionsProps) {
  return (
    <div className="flex items-center justify-end gap-2">
      <p role="status" className="mr-auto text-xs text-slate-600">
        {busy ? busyText : ""}
      </p>
      <Button variant="secondary" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" variant={variant} aria-disabled={busy} className="aria-disabled:opacity-70">
        {submitLabel}
      </Button>
    </div>
  );
}
