/**
 * Who is acting. Draftline has no accounts yet, so every change is attributed to the name
 * configured for this installation.
 */
export function currentAuthor(): string {
  return process.env.DRAFTLINE_AUTHOR?.trim() || "Local user";
}
