import type { ComplexAttributeConverter } from 'lit';

/**
 * A string attribute that is absent when empty: the reflected `query=""`
 * would otherwise stay on the element after the reader clears the search.
 */
export const optionalString: ComplexAttributeConverter<string> = {
  fromAttribute: (value) => value ?? '',
  toAttribute: (value: string) => (value ? value : null),
};
