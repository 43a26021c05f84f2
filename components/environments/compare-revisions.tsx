"use client";

import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { LoadFailed } from "./load-failed";
import { useRevisionComparison } from "./queries";

/** Picks two settings revisions and shows what differs, key by key: plain values, a secret only "changed". */
export function CompareRevisions({ slug, environmentId, numbers }: { slug: string; environmentId: string; numbers: number[] }) {
  const [from, setFrom] = useState(numbers[1] ?? numbers[0] ?? 1);
  const [to, setTo] = useState(numbers[0] ?? 1);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const comparison = useRevisionComparison(slug, environmentId, pair);
  if (numbers.length < 2) return null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2 text-sm">
        <RevisionSelect label="From revision" numbers={numbers} value={from} onChange={setFrom} />
        <RevisionSelect label="To revision" numbers={numbers} value={to} onChange={setTo} />
        <Button size="sm" variant="secondary" onClick={() => setPair({ from, to })}>
          Compare revisions
        </Button>
      </div>
      {pair === null ? null : comparison.isPending ? (
        <p className="text-sm text-slate-600">Comparing…</p>
      ) : comparison.isError ? (
        <LoadFailed what="The comparison" message={comparison.error.message} onRetry={() => void comparison.refetch()} />
      ) : comparison.data.changes.length === 0 ? (
        <p role="status" className="text-sm text-slate-700">
          Revisions {comparison.data.from} and {comparison.data.to} hold the same settings.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-xs">
            <caption className="sr-only">
              Settings changed from revision {comparison.data.from} to {comparison.data.to}
            </caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">Key</th>
                <th scope="col" className="py-1 pr-2 font-medium">Change</th>
                <th scope="col" className="py-1 pr-2 font-medium">Before</th>
                <th scope="col" className="py-1 font-medium">After</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 text-slate-800">
              {comparison.data.changes.map((change) => (
                <tr key={change.key}>
                  <td className="py-1 pr-2 font-mono">{change.key}</td>
                  <td className="py-1 pr-2">{change.secret ? `${change.change} (secret)` : change.change}</td>
                  <td className="max-w-40 truncate py-1 pr-2 font-mono" title={change.before}>{change.secret ? "—" : (change.before ?? "")}</td>
                  <td className="max-w-40 truncate py-1 font-mono" title={change.after}>{change.secret ? "—" : (change.after ?? "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function RevisionSelect({ label, numbers, value, onChange }: { label: string; numbers: number[]; value: number; onChange: (number: number) => void }) {
  const id = useId();
  return (
    <label htmlFor={id} className="flex flex-col gap-0.5 text-xs text-slate-700">
      {label}
      <select id={id} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm" value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {numbers.map((number) => (
          <option key={number} value={number}>
            {number}
          </option>
        ))}
      </select>
    </label>
  );
}
