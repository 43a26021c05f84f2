import type { NextConfig } from "next";
import { MAX_ACTION_BODY_BYTES } from "./lib/files/limits";
import { MAX_REQUEST_BODY_BYTES } from "./lib/http/body-limit";

const nextConfig: NextConfig = {
  // Lets a second server (an end-to-end run next to `npm run dev`) build into its own folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  allowedDevOrigins: ["127.0.0.1"],
  experimental: {
    // The proxy runs on every path, and Next buffers each body it sees up to this size, cutting
    // longer ones short; the proxy refuses those by Content-Length (lib/http/body-limit.ts).
    proxyClientMaxBodySize: MAX_REQUEST_BODY_BYTES,
    // The largest valid server action: a 1 MB file escaped as JSON (lib/files/limits.ts explains it).
    serverActions: { bodySizeLimit: MAX_ACTION_BODY_BYTES },
  },
};

export default nextConfig;
