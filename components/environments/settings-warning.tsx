import { RelativeTime } from "@/components/ui/relative-time";
import type { SettingsComparisonJson } from "@/lib/deployments/deployment-json";

/** Rolling back and rolling forward both re-activate a version that ran before, with today's settings. */
const MOVES = {
  "roll back": { gerund: "rolling back", sentence: "Rolling back the code does not roll settings back" },
  "roll forward": { gerund: "rolling forward", sentence: "Rolling forward the code does not bring back the settings it ran with" },
} as const;

interface SettingsWarningProps {
  comparison: SettingsComparisonJson | undefined;
  loading: boolean;
  failed: string | null;
  environmentName: string;
  targetName: string;
  move: keyof typeof MOVES;
}

/** Says how the environment's settings changed since the target version last ran there (key names only). */
export function SettingsWarning({ comparison, loading, failed, environmentName, targetName, move }: SettingsWarningProps) {
  const { gerund, sentence } = MOVES[move];
  if (loading) return <p className="text-slate-600">Checking {environmentName}’s settings…</p>;
  if (failed || !comparison) return <p className="text-slate-700">The settings could not be compared ({failed}). Check them before {gerund}.</p>;
  if (!comparison.recorded) {
    return (
      <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-inset ring-amber-200">
        No record of {environmentName}’s settings when {targetName} ran here. Check them before {gerund}: {gerund} does not change settings.
      </p>
    );
  }
  const { added, removed, changed, since } = comparison;
  if (added.length + removed.length + changed.length === 0) {
    return (
      <p className="text-slate-700">
        {environmentName}’s settings are the same as when {targetName} last ran here
        {since ? (
          <>
            {" "}
            (<RelativeTime date={since} />)
          </>
        ) : null}
        .
      </p>
    );
  }
  return (
    <div role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-amber-950 ring-1 ring-inset ring-amber-300">
      <p className="font-semibold">Settings changed since {targetName} last ran here{since ? <> (<RelativeTime date={since} />)</> : null}.</p>
      <p className="mt-1">{sentence}: {targetName} will run with today’s settings.</p>
      <ul className="mt-1 list-disc pl-5">
        {added.length > 0 ? <li>Added: {added.join(", ")}</li> : null}
        {removed.length > 0 ? <li>Removed: {removed.join(", ")}</li> : null}
        {changed.length > 0 ? <li>Changed: {changed.join(", ")}</li> : null}
      </ul>
    </div>
  );
}
