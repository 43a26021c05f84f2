import { openDatabase } from "@/lib/db/connect";

// Opening the database applies every pending migration.
await (await openDatabase()).close();
console.log("Database is up to date.");
