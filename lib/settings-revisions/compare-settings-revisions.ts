import type { Db } from "@/lib/db/client";
import { isId } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";

export interface RevisionKeyChange {
  key: string;
  change: "added" | "changed" | "removed";
  /** Secret on either side: then no value is given, only that it changed. */
  secret: boolean;
  /** Plain values only. */
  before?: string;
  after?: string;
}

export interface RevisionComparison {
  from: number;
  to: number;
  changes: RevisionKeyChange[];
  /** How many keys hold the same setting in both. */
  unchanged: number;
}

/** What differs between two settings revisions of one environment, key by key; secret values never. */
export async function compareSettingsRevisions(
  db: Db,
  request: { projectId: string; environmentId: string; from: number; to: number },
): Promise<Result<RevisionComparison>> {
  const unknownEnvironment = fail("not_found", "This environment does not exist in this project.");
  if (!isId(request.projectId) || !isId(request.environmentId)) return unknownEnvironment;
  const environment = await db.environment.findFirst({ where: { id: request.environmentId, projectId: request.projectId }, select: { id: true, name: true } });
  if (!environment) return unknownEnvironment;
  const numbers = [request.from, request.to];
  if (!numbers.every((number) => Number.isSafeInteger(number) && number > 0)) return fail("invalid", "Name two settings revisions by their numbers.");
  const rows = await db.settingsRevision.findMany({
    where: { environmentId: environment.id, number: { in: numbers } },
    select: { number: true, entries: { select: { key: true, isSecret: true, value: true, valueHash: true } } },
  });
  const byNumber = new Map(rows.map((row) => [row.number, new Map(row.entries.map((entry) => [entry.key, entry]))]));
  const before = byNumber.get(request.from);
  const after = byNumber.get(request.to);
  const missing = numbers.find((number) => !byNumber.has(number));
  if (!before || !after) return fail("not_found", `${environment.name} has no settings revision ${missing}.`);

  const keys = [...new Set([...before.keys(), ...after.keys()])].sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
  const changes: RevisionKeyChange[] = [];
  let unchanged = 0;
  for (const key of keys) {
    const old = before.get(key);
    const now = after.get(key);
    if (old && now && old.valueHash === now.valueHash && old.isSecret === now.isSecret) {
      unchanged += 1;
      continue;
    }
    const secret = (old?.isSecret ?? false) || (now?.isSecret ?? false);
    const change: RevisionKeyChange = { key, change: !old ? "added" : !now ? "removed" : "changed", secret };
    if (!secret && old) change.before = old.value ?? "";
    if (!secret && now) change.after = now.value ?? "";
    changes.push(change);
  }
  return ok({ from: request.from, to: request.to, changes, unchanged });
}
