import { createHash } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * SQL aggregate computing a file set's tree hash: SHA-256 over its "path<TAB>content hash"
 * lines sorted by path (byte order). Only paths and hashes are read, never file contents.
 * The migration that added versions.tree_hash spells out the same expression.
 */
export function treeHashAggregate(pathColumn: string, hashColumn: string): Prisma.Sql {
  const path = Prisma.raw(pathColumn);
  const hash = Prisma.raw(hashColumn);
  return Prisma.sql`encode(sha256(convert_to(coalesce(string_agg(${path} || E'\\t' || ${hash}, E'\\n' ORDER BY ${path} COLLATE "C"), ''), 'UTF8')), 'hex')`;
}

/** The same hash computed in JavaScript, from a file list a snapshot has already read. */
export function treeHash(files: Array<{ path: string; contentHash: string }>): string {
  const lines = files.map((file) => Buffer.from(`${file.path}\t${file.contentHash}`, "utf8")).sort(Buffer.compare);
  const hash = createHash("sha256");
  lines.forEach((line, index) => {
    if (index > 0) hash.update("\n");
    hash.update(line);
  });
  return hash.digest("hex");
}
