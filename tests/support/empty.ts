// Stands in for the `server-only` package under Vitest (vitest.config.ts aliases it here): the real one throws
// unless a React Server Components bundler resolves it, and the tests import server modules directly.
export {};
