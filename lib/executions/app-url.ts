const ANY_INTERFACE = new Set(["", "0.0.0.0", "::", "[::]", "localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * Where this server process reaches itself, for `${app.url}` in integration.yaml: the port Next
 * listens on (it sets PORT once listening, whatever -p or the PORT variable said) on the loopback,
 * or on the one interface DRAFTLINE_HOST names. Undefined outside a server (scripts, tests).
 * Never DRAFTLINE_ORIGIN: the public address may lead through a proxy, and a run calls the app from inside.
 */
export function serverAppUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  const port = Number(env.PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65_535) return undefined;
  const host = env.DRAFTLINE_HOST?.trim() ?? "";
  if (ANY_INTERFACE.has(host)) return `http://127.0.0.1:${port}`;
  return `http://${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${port}`;
}
