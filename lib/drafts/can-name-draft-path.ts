import { validatePath } from "@/lib/files/validate-path";
import { isId } from "@/lib/ids";

/**
 * Whether a project id and a path from outside could name a stored draft file or folder.
 * Anything else names none, and checking first keeps strings PostgreSQL cannot hold (NUL,
 * lone surrogates) out of queries.
 */
export function canNameDraftPath(projectId: string, path: string): boolean {
  return isId(projectId) && validatePath(path).ok;
}
