import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Lets a second server (an end-to-end run next to `npm run dev`) build into its own folder.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter"],
  allowedDevOrigins: ["127.0.0.1"],
  experimental: { serverActions: { bodySizeLimit: 6_299_648 } }, // MAX_ACTION_BODY_BYTES, lib/files/limits.ts explains it
};

export default nextConfig;
