import { useId, type ReactNode } from "react";

type JsonSchema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required: boolean;
  description?: string;
  schema: JsonSchema;
}
interface OperationEntry {
  operationId: string;
  summary: string;
  description?: string;
  parameters: Parameter[];
  requestBody?: { content: { "application/json": { schema: JsonSchema } } };
  responses: Record<string, { description: string }>;
}
export interface ApiDocument {
  info: { title: string; description: string };
  paths: Record<string, Record<string, OperationEntry>>;
}

/** The OpenAPI document as a page: one section per operation, its parameters, body and answers. */
export function ApiReference({ document }: { document: ApiDocument }) {
  const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, entry]) => ({ path, method, entry })));
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm text-slate-700">{withInlineCode(document.info.description)}</p>
      <p className="text-sm text-slate-700">
        The machine-readable description: <a className="text-indigo-700 underline" href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
      </p>
      <nav aria-label="Operations">
        <ul className="grid gap-1 text-sm sm:grid-cols-2">
          {operations.map(({ path, method, entry }) => (
            <li key={entry.operationId}>
              <a className="text-indigo-700 underline" href={`#${entry.operationId}`}>
                {withInlineCode(entry.summary)}
              </a>{" "}
              <code className="break-all text-xs text-slate-600">
                {method.toUpperCase()} {path}
              </code>
            </li>
          ))}
        </ul>
      </nav>
      {operations.map(({ path, method, entry }) => (
        <OperationSection key={entry.operationId} path={path} method={method} entry={entry} />
      ))}
    </div>
  );
}

function OperationSection({ path, method, entry }: { path: string; method: string; entry: OperationEntry }) {
  const headingId = useId();
  const body = entry.requestBody?.content["application/json"].schema;
  return (
    <section id={entry.operationId} aria-labelledby={headingId} className="flex scroll-mt-4 flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        {withInlineCode(entry.summary)}
      </h2>
      <code className="break-all text-sm text-slate-800">
        <span className="font-semibold">{method.toUpperCase()}</span> /api/v1{path}
      </code>
      {entry.description ? <p className="text-sm text-slate-700">{withInlineCode(entry.description)}</p> : null}
      {entry.parameters.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Parameters of {entry.summary}</caption>
            <thead className="text-xs text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Parameter</th>
                <th scope="col" className="py-1 pr-3 font-medium">In</th>
                <th scope="col" className="py-1 pr-3 font-medium">Schema</th>
                <th scope="col" className="py-1 font-medium">About</th>
              </tr>
            </thead>
            <tbody>
              {entry.parameters.map((parameter) => (
                <tr key={`${parameter.in}:${parameter.name}`} className="border-t border-slate-100 align-top">
                  <td className="py-1 pr-3">
                    <code>{parameter.name}</code>
                    {parameter.required ? <span className="text-xs text-slate-600"> (required)</span> : null}
                  </td>
                  <td className="py-1 pr-3 text-slate-700">{parameter.in}</td>
                  <td className="py-1 pr-3">
                    <code className="text-xs text-slate-700">{describeSchema(parameter.schema)}</code>
                  </td>
                  <td className="py-1 text-slate-700">{withInlineCode(parameter.description ?? "")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {body ? (
        <div className="flex flex-col gap-1">
          <h3 className="text-sm font-medium text-slate-800">Request body (JSON)</h3>
          <pre className="max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs text-slate-800" tabIndex={0} aria-label={`Request body schema of ${entry.summary}`}>
            {JSON.stringify(body, null, 2)}
          </pre>
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <h3 className="text-sm font-medium text-slate-800">Answers</h3>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {Object.entries(entry.responses).map(([status, response]) => (
            <div key={status} className="contents">
              <dt>
                <code>{status}</code>
              </dt>
              <dd className="text-slate-700">{withInlineCode(response.description)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}

/** A parameter's schema in a few words: `string`, `string, max 200`, `csv | jsonl`. */
function describeSchema(schema: JsonSchema): string {
  if (Array.isArray(schema.enum)) return schema.enum.join(" | ");
  const parts = [String(schema.type ?? "any")];
  if (typeof schema.maxLength === "number") parts.push(`max ${schema.maxLength}`);
  if (typeof schema.pattern === "string") parts.push(`pattern ${schema.pattern}`);
  return parts.join(", ");
}

/** The document's text, with `code` spans (the only markup its descriptions use) as <code>. */
function withInlineCode(text: string): ReactNode[] {
  return text.split("`").map((part, index) => (index % 2 === 1 ? <code key={index} className="rounded bg-slate-100 px-1 text-[0.9em]">{part}</code> : part));
}
