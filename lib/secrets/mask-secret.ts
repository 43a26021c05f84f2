export const SECRET_MASK = "••••••";

/** Secrets this long or longer show their last 4 characters; shorter ones would give away too much. */
export const MIN_LENGTH_TO_SHOW_END = 12;

/**
 * `••••••1234`, or only `••••••` for a secret under 12 characters. The mask has a fixed
 * length, so it does not reveal the secret's length either.
 */
export function maskSecret(value: string): string {
  const characters = Array.from(value);
  return characters.length >= MIN_LENGTH_TO_SHOW_END ? SECRET_MASK + characters.slice(-4).join("") : SECRET_MASK;
}
