import { Badge, type BadgeTone } from "@/components/versions/version-badges";

interface RunHealthBadgeProps {
  succeeded: number;
  failed: number;
  /** Named in the badge when several environments are shown side by side (Version History). */
  environment?: string;
  id?: string;
}

/** "production 4/5 ok": how a version's finished runs went in an environment, said in full for assistive technology. */
export function RunHealthBadge({ succeeded, failed, environment, id }: RunHealthBadgeProps) {
  const sentence = runHealthSentence(succeeded, failed, environment);
  return (
    <Badge tone={healthTone(succeeded, failed)} title={sentence} id={id}>
      <span aria-hidden>
        {environment ? `${environment} ` : ""}
        {succeeded}/{succeeded + failed} ok
      </span>
      <span className="sr-only">{sentence}</span>
    </Badge>
  );
}

/** "In production, 4 of 5 finished runs succeeded." */
export function runHealthSentence(succeeded: number, failed: number, environment?: string): string {
  const total = succeeded + failed;
  return `${environment ? `In ${environment}, ` : ""}${succeeded} of ${total} finished ${total === 1 ? "run" : "runs"} succeeded.`;
}

function healthTone(succeeded: number, failed: number): BadgeTone {
  if (failed === 0) return "emerald";
  return succeeded === 0 ? "rose" : "amber";
}
