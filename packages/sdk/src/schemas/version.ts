/** The dataset format this SDK reads and writes (`schemaVersion`). */
export const SCHEMA_VERSION = '1';
