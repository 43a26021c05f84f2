/**
 * Deploying here asks for an explicit confirmation naming the version and the environment;
 * the browser asks, and the server refuses a deployment that arrives without it.
 */
export function needsConfirmation(environmentName: string): boolean {
  return environmentName.trim().toLowerCase() === "production";
}
