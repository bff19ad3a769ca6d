// The page's real requests, failed or held from a test (failRequestsPlugin in
// web-test-runner.config.mjs; see fail-requests-plugin.mjs). Use them in a test
// file of its own: once on, request interception stays on for that page.
import { executeServerCommand } from '@web/test-runner-commands';

/** Part of the path of the module with a dataset's checks (data/dataset-source.ts), as the page asks for it. */
export const CHECKS_MODULE = '/elements/src/data/dataset-source.';

/**
 * Part of the path of each element's code that it needs only once it has data (data/deferred-module.ts,
 * `SamverkanElement.datasetParts`), as the page asks for it.
 */
export const PARTS_MODULES = {
  'samverkan-signatory-list': '/elements/src/signatory-list/signatory-list-parts.',
  'samverkan-contact-finder': '/elements/src/contact-finder/contact-finder-parts.',
  'samverkan-volunteer-board': '/elements/src/volunteer-board/volunteer-board-parts.',
  'samverkan-principles': '/elements/src/principles/principles-parts.',
  'samverkan-follow-up': '/elements/src/follow-up/follow-up-parts.',
  'samverkan-meeting-calendar': '/elements/src/meeting-calendar/meeting-calendar-parts.',
} as const;

/**
 * Defines an element (imports its define/ module), which starts importing its parts
 * (SamverkanElement.finalize): a test holds or fails them first, then calls this.
 */
export const DEFINE: Record<keyof typeof PARTS_MODULES, () => Promise<unknown>> = {
  'samverkan-signatory-list': () => import('../../src/define/samverkan-signatory-list.js'),
  'samverkan-contact-finder': () => import('../../src/define/samverkan-contact-finder.js'),
  'samverkan-volunteer-board': () => import('../../src/define/samverkan-volunteer-board.js'),
  'samverkan-principles': () => import('../../src/define/samverkan-principles.js'),
  'samverkan-follow-up': () => import('../../src/define/samverkan-follow-up.js'),
  'samverkan-meeting-calendar': () => import('../../src/define/samverkan-meeting-calendar.js'),
};

/** Makes requests whose path contains `pattern` fail (null: none); answers with the paths failed since the last call. */
export const failRequests = (pattern: string | null) => executeServerCommand<string[], { pattern: string | null }>('fail-requests', { pattern });

/** Holds requests whose path contains `pattern` (null: lets them through); answers with the paths held so far. */
export const holdRequests = (pattern: string | null) => executeServerCommand<string[], { pattern: string | null }>('hold-requests', { pattern });
