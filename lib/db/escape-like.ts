/**
 * Prisma hands `contains`/`startsWith`/`endsWith` to LIKE unescaped, so `_` and `%` in user
 * text would act as wildcards (deleting folder `a_b` would also delete `axb/`).
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, "\\$&");
}
