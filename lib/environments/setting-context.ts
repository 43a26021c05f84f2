/**
 * What a setting's ciphertext and value hash are bound to: its environment and key. A value
 * copied into another setting's row no longer decrypts, and equal values in different
 * settings hash differently.
 */
export function settingContext(environmentId: string, key: string): string {
  return `${environmentId}\u0000${key}`;
}
