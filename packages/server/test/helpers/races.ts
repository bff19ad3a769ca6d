// What the race tests share: a hook that makes a route's read land before another request's commit, and a look at
// everything a person's erased data could still be in (every version and the published dataset).
import type { Running } from '../helpers.js';

/**
 * The next call of `object[method]` reads as usual, then waits for `meanwhile` (another request, to its answer)
 * before it answers what it read: the caller goes on with what it read before `meanwhile` committed.
 */
export function holdNextRead<T extends object>(object: T, method: keyof T & string, meanwhile: () => Promise<unknown>): void {
  const original = object[method] as (...args: unknown[]) => unknown;
  Object.defineProperty(object, method, {
    configurable: true,
    writable: true,
    value: async (...args: unknown[]) => {
      delete (object as Record<string, unknown>)[method]; // one call only: `meanwhile` reads as usual
      const read = await original.apply(object, args);
      await meanwhile();
      return read;
    },
  });
}

/** The versions' summaries, newest first. */
export async function versionList(app: Pick<Running, 'admin'>): Promise<{ version: number; by: string; summary: string; at: string }[]> {
  return ((await (await app.admin('/api/v1/admin/versions')).json()) as { versions: { version: number; by: string; summary: string; at: string }[] }).versions;
}

/** Every version's dataset and the published one, as text. */
export async function everything(app: Pick<Running, 'admin' | 'base'>): Promise<{ versions: string[]; published: string }> {
  const versions: string[] = [];
  for (const { version } of await versionList(app)) versions.push(JSON.stringify(((await (await app.admin(`/api/v1/admin/versions/${version}`)).json()) as { dataset: unknown }).dataset));
  return { versions, published: await (await fetch(`${app.base}/api/v1/dataset`)).text() };
}
