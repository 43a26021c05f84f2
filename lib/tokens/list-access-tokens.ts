import type { Db } from "@/lib/db/client";
import { accessTokenSelect, toAccessTokenJson, type AccessTokenJson } from "./token-json";

/** A person's tokens, newest first, revoked and expired ones included (the page says which). */
export async function listAccessTokens(db: Db, userId: string, now = new Date()): Promise<AccessTokenJson[]> {
  const rows = await db.accessToken.findMany({ where: { userId }, select: accessTokenSelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return rows.map((row) => toAccessTokenJson(row, now));
}
