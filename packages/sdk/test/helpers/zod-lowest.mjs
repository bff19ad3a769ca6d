// `node --import ./zod-lowest.mjs …`: every import of zod (`zod`, `zod/mini`, …)
// loads the `zod-lowest` devDependency instead (an npm alias of the lowest zod
// the SDK's peer range allows), for tests that must hold at that version too.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
  if (specifier === 'zod' || specifier.startsWith('zod/')) return next('zod-lowest' + specifier.slice(3), context);
  return next(specifier, context);
}`),
  import.meta.url,
);
