import type { Db } from "@/lib/db/client";
import { NO_ACCOUNT } from "./activity-filters";

export interface ActivityPerson {
  /** A user id, or NO_ACCOUNT for events no account made. */
  id: string;
  /** As their newest event names them; events without an account are one entry, named after the newest. */
  name: string;
}

/**
 * Everyone who appears in a project's activity, for the person filter, by name. One index
 * probe per person (a skip scan over (project_id, actor_id, id)), not a pass over the log.
 */
export async function listActivityPeople(db: Db, projectId: string): Promise<ActivityPerson[]> {
  const rows = await db.$queryRaw<Array<{ id: string | null; name: string }>>`
    WITH RECURSIVE actors (actor_id) AS (
      (SELECT actor_id FROM audit_events WHERE project_id = ${projectId} AND actor_id IS NOT NULL ORDER BY actor_id LIMIT 1)
      UNION ALL
      SELECT (SELECT e.actor_id FROM audit_events AS e
              WHERE e.project_id = ${projectId} AND e.actor_id > actors.actor_id ORDER BY e.actor_id LIMIT 1)
      FROM actors WHERE actors.actor_id IS NOT NULL
    )
    SELECT actors.actor_id AS id,
      (SELECT e.actor_name FROM audit_events AS e
       WHERE e.project_id = ${projectId} AND e.actor_id = actors.actor_id ORDER BY e.id DESC LIMIT 1) AS name
    FROM actors WHERE actors.actor_id IS NOT NULL
    UNION ALL
    SELECT NULL, name || ' (no account)' FROM (
      SELECT actor_name AS name FROM audit_events WHERE project_id = ${projectId} AND actor_id IS NULL ORDER BY id DESC LIMIT 1
    ) AS newest`;
  return rows
    .map((row) => ({ id: row.id ?? NO_ACCOUNT, name: row.name }))
    .sort((a, b) => (a.id === NO_ACCOUNT ? 1 : b.id === NO_ACCOUNT ? -1 : a.name.localeCompare(b.name)));
}
