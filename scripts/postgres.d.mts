export function freePort(): Promise<number>;
export function startPostgres(): Promise<{ url: string; version: string; workDir: string; stop(): void }>;
