import { z } from "zod";

/** The input a run is queued with, as JSON text; bigger inputs belong in a file the workflow fetches. */
export const MAX_INPUT_BYTES = 64 * 1024;

/** Run now's form: a workflow of the active version and optional JSON input (checked as JSON by the action). */
export const runWorkflowSchema = z.object({
  workflow: z.string({ error: "Pick a workflow to run." }).trim().min(1, "Pick a workflow to run.").max(200, "Pick a workflow to run."),
  input: z.string({ error: "Send the input as text: JSON, or nothing." }).max(MAX_INPUT_BYTES, "Keep the input under 64 KB.").default(""),
});
