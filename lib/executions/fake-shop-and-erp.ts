import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: unknown;
  /** Settles when the connection closes, answered or not (a client gave up on an unanswered call). */
  closed: Promise<void>;
}

/** The answer to a call, or undefined to never answer it. */
type Handler = (call: RecordedCall) => { status: number; body: unknown; headers?: Record<string, string> } | undefined;

/** A tiny HTTP server on 127.0.0.1 that records every call and answers through `handler`. */
export async function startFakeServer(handler: Handler): Promise<{ url: string; host: string; calls: RecordedCall[]; close(): Promise<void> }> {
  const calls: RecordedCall[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const closed = new Promise<void>((resolve) => response.on("close", () => resolve()));
      const call = { method: request.method ?? "", path: request.url ?? "", headers: request.headers, body: parseBody(text), closed };
      calls.push(call);
      const answer = handler(call);
      if (!answer) return;
      response.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      response.end(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
