import { randomBytes } from "node:crypto";
import pg from "pg";
import { openEmbedded, openServer } from "./connect";

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the server named by TEST_DATABASE_URL (dropped again by close()).
 */
export async function createTestDb() {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return openEmbedded();

  const name = `draftline_test_${randomBytes(6).toString("hex")}`;
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const connection = await openServer(url.toString());
  return {
    prisma: connection.prisma,
    listen: connection.listen,
    async close() {
      await connection.close();
      await withAdminClient(serverUrl, (client) => client.query(`DROP DATABASE "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdminClient<T>(connectionString: string, run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}
