import { RelativeTime } from "@/components/ui/relative-time";
import { describeEvent, kindLabel } from "@/lib/audit/describe-event";
import type { ActivityEvent } from "@/lib/audit/list-activity";
import type { Wire } from "@/lib/http/wire";

interface Props {
  events: Wire<ActivityEvent>[];
  environmentNames: ReadonlyMap<string, string>;
  filtered: boolean;
}

const CELL = "px-3 py-2 align-top";

/**
 * The events in words, newest first. Below 768 px the sentence alone says who and where (the
 * Who and Environment columns give way), so the table fits a phone without scrolling sideways.
 */
export function ActivityTable({ events, environmentNames, filtered }: Props) {
  if (events.length === 0) {
    return (
      <p className="rounded-lg border border-slate-200 bg-white px-4 py-6 text-sm text-slate-600">
        {filtered ? "No events match these filters." : "Nothing has happened in this project yet."}
      </p>
    );
  }
  return (
    <div className="overflow-hidden rounded-lg border border-slate-200 bg-white">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="sr-only">Activity, newest first</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-700 uppercase">
          <tr>
            <th scope="col" className={`${CELL} w-28 md:w-36`}>
              When
            </th>
            <th scope="col" className={`${CELL} w-40 max-md:hidden`}>
              Who
            </th>
            <th scope="col" className={CELL}>
              What
            </th>
            <th scope="col" className={`${CELL} w-32 max-md:hidden`}>
              Environment
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((event) => {
            const environment = event.environmentId ? (environmentNames.get(event.environmentId) ?? recordedEnvironment(event)) : null;
            return (
              <tr key={event.id}>
                <td className={`${CELL} text-slate-700`}>
                  <RelativeTime date={event.createdAt} />
                </td>
                <td className={`${CELL} break-words text-slate-900 max-md:hidden`}>{event.actorName}</td>
                <td className={`${CELL} break-words text-slate-900`}>
                  <p>{describeEvent(event)}</p>
                  <EventDetails event={event} />
                </td>
                <td className={`${CELL} break-words text-slate-700 max-md:hidden`}>{environment ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function EventDetails({ event }: { event: Wire<ActivityEvent> }) {
  const entries: Array<[string, string]> = [
    ["Kind", `${kindLabel(event.kind)} (${event.kind})`],
    ["Event", event.id],
    ["Person", event.actorId ? `${event.actorName} (${event.actorId})` : `${event.actorName} (no account)`],
    ...Object.entries(event.summary).map(([key, value]): [string, string] => [key, detailText(value)]),
  ];
  return (
    <details className="mt-1 text-xs text-slate-700">
      <summary className="w-fit cursor-pointer rounded text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">Details</summary>
      <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5">
        {entries.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="font-medium text-slate-600">{key}</dt>
            <dd className="min-w-0 break-all">{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

function recordedEnvironment(event: Wire<ActivityEvent>): string | null {
  return typeof event.summary.environment === "string" ? event.summary.environment : null;
}

/** A summary value for people: a version as "1.2.0 (#5)", text as it is, anything else as JSON. */
function detailText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "object" && !Array.isArray(value)) {
    const ref = value as Record<string, unknown>;
    if (typeof ref.name === "string") return typeof ref.number === "number" ? `${ref.name} (#${ref.number})` : ref.name;
  }
  return JSON.stringify(value);
}
