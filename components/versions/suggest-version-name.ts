import { gt, inc, valid } from "semver";

const PLAIN_SEMVER = /^(v?)(\d+\.\d+\.\d+)$/i;

/**
 * The next patch of the highest plain `x.y.z` name (keeping a leading "v"), or 1.0.0 when
 * there is none. Stands in until naming conventions decide suggestions per project.
 */
export function suggestVersionName(existingNames: readonly string[]): string {
  let highest: { prefix: string; version: string } | null = null;
  for (const name of existingNames) {
    const match = PLAIN_SEMVER.exec(name.trim());
    const version = match?.[2] && valid(match[2]);
    if (!match || !version) continue;
    if (!highest || gt(version, highest.version)) highest = { prefix: match[1] ?? "", version };
  }
  if (!highest) return "1.0.0";
  return `${highest.prefix}${inc(highest.version, "patch") ?? highest.version}`;
}
