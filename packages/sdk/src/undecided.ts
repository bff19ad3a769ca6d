// The mark of an entry a progressive check cannot decide until zod is loaded,
// in a module of its own: the helpers that read a check's first entries (the
// signatory list's) compare against it, and importing it from
// progressive-dataset.ts would put the whole check into the first download
// of their pages (issue 18: the validators load beside the dataset, not
// before the element renders).

/** What {@link ListCheck.entry} says of an entry that cannot be decided until zod is loaded (see {@link DatasetCheck.finish}). */
export const UNDECIDED: unique symbol = Symbol('samverkan: not decided until zod is loaded');
