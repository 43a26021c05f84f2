/** Where the end-to-end server listens: its own port (E2E_PORT), on the loopback only. */
export const BASE_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210)}`;

/** The headers of a write from the app's own pages: the server refuses writes without them. */
export const SAME_ORIGIN = { origin: BASE_URL } as const;
