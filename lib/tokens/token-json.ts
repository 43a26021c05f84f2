/** A token as the account page lists it: never the token itself, which is shown once. */
export interface AccessTokenJson {
  id: string;
  name: string;
  hint: string;
  /** The one project the token acts in; null for all the owner's projects. */
  project: { slug: string; name: string } | null;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** As of when the list was read: whether the token still authenticates. */
  status: "active" | "expired" | "revoked";
}

/** The answer to creating a token: its row, and the token, this once. */
export interface CreatedAccessTokenJson {
  token: string;
  accessToken: AccessTokenJson;
}

export const accessTokenSelect = {
  id: true,
  name: true,
  tokenHint: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  project: { select: { slug: true, name: true } },
} as const;

interface AccessTokenRow {
  id: string;
  name: string;
  tokenHint: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  project: { slug: string; name: string } | null;
}

export function toAccessTokenJson(row: AccessTokenRow, now = new Date()): AccessTokenJson {
  return {
    id: row.id,
    name: row.name,
    hint: row.tokenHint,
    project: row.project,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    status: row.revokedAt ? "revoked" : row.expiresAt <= now ? "expired" : "active",
  };
}
