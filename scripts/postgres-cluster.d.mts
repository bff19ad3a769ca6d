// Types of postgres-cluster.mjs, for the TypeScript tests that import it.
export function postgresBinDir(): string | undefined;
export function startPostgres(): Promise<{ url: string; dataDir: string; stop(): void }>;
export function stopPostgres(dataDir: string): void;
