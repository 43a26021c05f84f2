import { z } from "zod";

/**
 * A path as a file action receives it, checked loosely: the operations give the precise,
 * user-facing message (see validate-path.ts).
 */
export const draftPathSchema = z.string({ error: "Name the file or folder." }).max(2000, "This path is too long.");
