import { randomBytes } from 'node:crypto';
import { referenceFromBytes } from '@samverkan/sdk';

/**
 * A new random application reference (`K7QM-2X9C`): 40 bits from
 * node:crypto in the SDK's format (issue 17.15). The store makes sure it is
 * unique.
 */
export function newReference(): string {
  return referenceFromBytes(randomBytes(5));
}
