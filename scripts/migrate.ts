import { closeDb, getDb } from "@/lib/db/client";

// Opening the database applies every pending migration.
await getDb();
await closeDb();
console.log("Database is up to date.");
