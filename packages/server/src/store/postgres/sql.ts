/**
 * The little of node-postgres that the account store and the offers use, as
 * our own types: the package's public declarations then do not need
 * `@types/pg` in a project that installs the server.
 */
export interface SqlResult<R> {
  rows: R[];
  rowCount: number | null;
}

/** A connection to query on (inside a transaction, or from the pool). */
export interface SqlClient {
  query<R = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<SqlResult<R>>;
}
