import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerSampleErp, answerSampleShop } from "./answer-sample-api";

export interface SampleApiCall {
  method: string;
  path: string;
  status: number;
  replayed: boolean;
  body: unknown;
}

/**
 * For tests: the app's /sample-api answered as the routes answer it (lib/sample-api), on a port
 * of its own on 127.0.0.1, recording each call with the status it got. `url` is what
 * `${app.url}` is in a server.
 */
export async function startSampleApi(): Promise<{ url: string; port: number; calls: SampleApiCall[]; close(): Promise<void> }> {
  const calls: SampleApiCall[] = [];
  const server = createServer((incoming: IncomingMessage, outgoing: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      void answer(incoming, Buffer.concat(chunks)).then(async (response) => {
        const text = await response.text();
        const path = incoming.url ?? "";
        calls.push({ method: incoming.method ?? "", path, status: response.status, replayed: response.headers.has("idempotent-replayed"), body: JSON.parse(text) as unknown });
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function answer(incoming: IncomingMessage, body: Buffer): Promise<Response> {
  const url = new URL(incoming.url ?? "/", "http://127.0.0.1");
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) if (typeof value === "string") headers.set(name, value);
  const request = new Request(url, { method: incoming.method, headers, body: body.length > 0 ? new Uint8Array(body) : undefined });
  const [, root, system, ...rest] = url.pathname.split("/");
  if (root === "sample-api" && system === "shop" && incoming.method === "GET") return answerSampleShop(request, rest.join("/"));
  if (root === "sample-api" && system === "erp" && incoming.method === "POST") return answerSampleErp(request, rest.join("/"));
  return Response.json({ error: { code: "not_found", message: "Not a sample API path." } }, { status: 404 });
}
