import { chmod, mkdir, readdir, stat } from "node:fs/promises";
import path from "node:path";

const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
const STICKY = 0o1000;

/**
 * Makes the embedded database's data folder private to the user running the app before
 * PGlite opens it: a restrictive umask for whatever is created from now on, and the folder
 * itself created (or tightened to) 0700 so nobody else can even look inside.
 * A sticky folder (like /tmp) is shared by design and left as it is.
 */
export async function prepareDataFolder(dataDir: string): Promise<void> {
  process.umask(process.umask() | 0o077);
  await mkdir(dataDir, { recursive: true, mode: FOLDER_MODE });
  const { mode } = await stat(dataDir);
  if ((mode & STICKY) === 0 && (mode & 0o777) !== FOLDER_MODE) await chmod(dataDir, FOLDER_MODE);
}

/**
 * Folders 0700 and files 0600 under `folder`, which the database owns entirely. PGlite writes
 * its initial files 0666 whatever the umask, and older versions of the app left them so.
 * Symbolic links are not followed.
 */
export async function restrictModes(folder: string): Promise<void> {
  const { mode } = await stat(folder);
  if ((mode & 0o777) !== FOLDER_MODE) await chmod(folder, FOLDER_MODE);
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const child = path.join(folder, entry.name);
    if (entry.isDirectory()) await restrictModes(child);
    else if (entry.isFile() && ((await stat(child)).mode & 0o777) !== FILE_MODE) await chmod(child, FILE_MODE);
  }
}
