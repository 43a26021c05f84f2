import type { NextConfig } from "next";
import { MAX_ACTION_BODY_BYTES } from "./lib/files/limits";
import { MAX_REQUEST_BODY_BYTES } from "./lib/http/body-limit";
import { buildSandboxWorker } from "./scripts/build-sandbox-worker.mjs";

// Every `next build`, `next dev` and `next start` reads this file first: the worker thread that
// runs workflows needs its script, which no bundle may contain (scripts/build-sandbox-worker.mjs).
buildSandboxWorker();

// On every response, pages, API routes and static files alike. Pages also get a
// Content-Security-Policy with a nonce of their own, from proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  // For browsers that ignore frame-ancestors; the pages' policy says the same.
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  // Lets a second server (an end-to-end run next to `npm run dev`) build into its own folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "esbuild", "quickjs-emscripten"],
  allowedDevOrigins: ["127.0.0.1"],
  experimental: {
    // The proxy runs on every path, and Next buffers each body it sees up to this size, cutting
    // longer ones short; the proxy refuses those by Content-Length (lib/http/body-limit.ts).
    proxyClientMaxBodySize: MAX_REQUEST_BODY_BYTES,
    // The largest valid server action: a 1 MB file escaped as JSON (lib/files/limits.ts explains it).
    serverActions: { bodySizeLimit: MAX_ACTION_BODY_BYTES },
  },
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // JSON and text only: nothing an API answer holds may run, load or be framed, even opened as a page.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
