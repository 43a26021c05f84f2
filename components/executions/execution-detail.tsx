"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { formatDuration, STATUS_LABELS, TRIGGER_LABELS } from "./execution-format";
import { useExecution } from "./queries";

interface ExecutionDetailProps {
  slug: string;
  environmentId: string;
  executionId: string;
  onClose: () => void;
}

/** One execution: what ran, how it ended, its input, output, error and logs. */
export function ExecutionDetail({ slug, environmentId, executionId, onClose }: ExecutionDetailProps) {
  const headingId = useId();
  const execution = useExecution(slug, environmentId, executionId);
  const data = execution.data;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          {data ? `Execution of ${data.workflow}` : "Execution"}
        </h2>
        <Button variant="secondary" className="ml-auto" onClick={onClose}>
          Close details
        </Button>
      </div>
      {!data ? (
        <p className="mt-2 text-sm text-slate-600" role={execution.error ? "alert" : undefined}>
          {execution.error ? `This execution could not be loaded: ${execution.error.message}` : "Loading…"}
        </p>
      ) : (
        <div className="mt-3 flex flex-col gap-4 text-sm">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            <dt className="text-slate-600">Status</dt>
            <dd>
              {STATUS_LABELS[data.status]}
              {data.maxAttempts > 1 ? ` (attempt ${data.attempt} of ${data.maxAttempts})` : ""}
            </dd>
            <dt className="text-slate-600">Version</dt>
            <dd>
              {data.versionName} #{data.versionNumber}
            </dd>
            <dt className="text-slate-600">Trigger</dt>
            <dd>
              {TRIGGER_LABELS[data.trigger]}
              {data.startedBy ? ` by ${data.startedBy}` : ""}
            </dd>
            <dt className="text-slate-600">Started</dt>
            <dd>{data.startedAt ? <RelativeTime date={data.startedAt} /> : "Not yet"}</dd>
            <dt className="text-slate-600">Duration</dt>
            <dd>{formatDuration(data.durationMs)}</dd>
          </dl>
          {data.error ? (
            <div>
              <h3 className="font-semibold text-slate-900">Error</h3>
              <pre className="mt-1 whitespace-pre-wrap wrap-anywhere rounded bg-red-50 p-2 text-xs text-red-900">
                {[data.error.name, data.error.message].filter(Boolean).join(": ")}
                {data.error.stack ? `\n${data.error.stack}` : ""}
              </pre>
            </div>
          ) : null}
          <JsonBlock title="Input" value={data.input} />
          {data.status === "succeeded" ? <JsonBlock title="Output" value={data.output} /> : null}
          <div>
            <h3 className="font-semibold text-slate-900">Logs</h3>
            {data.logs.length === 0 ? (
              <p className="mt-1 text-slate-600">No logs.</p>
            ) : (
              <ol aria-label="Logs" tabIndex={0} className="mt-1 max-h-96 overflow-auto rounded bg-slate-900 p-2 font-mono text-xs text-slate-100">
                {data.logs.map((line, index) => (
                  <li key={index} className="whitespace-pre-wrap">
                    <span className="text-slate-400">{line.at.slice(11, 23)}</span> <span className="uppercase">{line.level}</span> {line.message}
                    {line.fields ? ` ${JSON.stringify(line.fields)}` : ""}
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  const headingId = useId();
  return (
    <div>
      <h3 id={headingId} className="font-semibold text-slate-900">
        {title}
      </h3>
      {value === null || value === undefined ? (
        <p className="mt-1 text-slate-600">None.</p>
      ) : (
        // It scrolls when long: focusable, so a keyboard can scroll it too.
        <pre
          role="region"
          aria-labelledby={headingId}
          tabIndex={0}
          className="mt-1 max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs text-slate-900"
        >
          {JSON.stringify(value, null, 2)}
        </pre>
      )}
    </div>
  );
}
