import { getDb } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** Ready when the database is open and migrated. */
export async function GET() {
  const db = await getDb();
  await db.$queryRaw`SELECT 1`;
  return Response.json({ ok: true });
}
