export const HOST_ENV: "DRAFTLINE_HOST";
export const DEFAULT_HOST: "127.0.0.1";
export function listenHost(options: string[], env: Record<string, string | undefined>): string;
export function nextArguments(command: "dev" | "start", options: string[], env: Record<string, string | undefined>): string[];
export function exposureWarning(host: string): string | null;
