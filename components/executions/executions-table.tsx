import Link from "next/link";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ExecutionJson } from "@/lib/executions/execution-json";
import { formatDuration, STATUS_LABELS, TRIGGER_LABELS } from "./execution-format";

const STATUS_STYLE: Record<ExecutionJson["status"], string> = {
  queued: "bg-slate-100 text-slate-800",
  running: "bg-sky-100 text-sky-900",
  succeeded: "bg-emerald-100 text-emerald-900",
  failed: "bg-red-100 text-red-900",
  timed_out: "bg-amber-100 text-amber-900",
};

/** The executions as a table: Version, Status, Trigger, Started, Duration, and a link to each one's details. */
export function ExecutionsTable({ executions, detailHref }: { executions: ExecutionJson[]; detailHref: (id: string) => string }) {
  if (executions.length === 0) return <p className="text-sm text-slate-600">No executions match.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Executions, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">Workflow</th>
            <th scope="col" className="px-3 py-2 font-semibold">Version</th>
            <th scope="col" className="px-3 py-2 font-semibold">Status</th>
            <th scope="col" className="px-3 py-2 font-semibold">Trigger</th>
            <th scope="col" className="px-3 py-2 font-semibold">Started</th>
            <th scope="col" className="px-3 py-2 font-semibold">Duration</th>
          </tr>
        </thead>
        <tbody>
          {executions.map((execution) => (
            <tr key={execution.id} className="border-b border-slate-100 last:border-0">
              <td className="px-3 py-2">
                <Link href={detailHref(execution.id)} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
                  {execution.workflow}
                </Link>
              </td>
              <td className="px-3 py-2">
                {execution.versionName} <span className="tabular-nums text-slate-600">#{execution.versionNumber}</span>
              </td>
              <td className="px-3 py-2">
                <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLE[execution.status]}`}>{STATUS_LABELS[execution.status]}</span>
                {execution.attempt > 1 ? <span className="ml-1 text-xs text-slate-600">attempt {execution.attempt}</span> : null}
              </td>
              <td className="px-3 py-2">
                {TRIGGER_LABELS[execution.trigger]}
                {execution.startedBy ? <span className="block text-xs text-slate-600">by {execution.startedBy}</span> : null}
              </td>
              <td className="px-3 py-2">{execution.startedAt ? <RelativeTime date={execution.startedAt} /> : "Not yet"}</td>
              <td className="px-3 py-2 tabular-nums">{formatDuration(execution.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
