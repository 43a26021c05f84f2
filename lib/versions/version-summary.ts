export const VERSION_ORIGINS = ["manual", "deployment", "backup"] as const;

export type VersionOrigin = (typeof VERSION_ORIGINS)[number];

export interface VersionSummary {
  id: string;
  number: number;
  name: string;
  description: string;
  origin: VersionOrigin;
  author: string;
  fileCount: number;
  createdAt: Date;
}

export const versionSummarySelect = {
  id: true,
  number: true,
  name: true,
  description: true,
  origin: true,
  author: true,
  fileCount: true,
  createdAt: true,
} as const;

export function toVersionSummary(row: Omit<VersionSummary, "origin"> & { origin: string }): VersionSummary {
  return { ...row, origin: row.origin as VersionOrigin };
}
