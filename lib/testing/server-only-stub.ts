// Vitest runs server modules outside React's server environment, where the real "server-only"
// throws on import; vitest.config.ts points the package here instead.
export {};
