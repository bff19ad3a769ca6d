// What the follow-up needs only once it has data (issue 18: its page ≤ 25 KB
// before it renders): the SDK's follow-up figures, the chart and the status
// badges. Imported when the element connects, beside its dataset's request
// (SamverkanElement.datasetParts). Its UI strings (messages.ts) stay in the
// first download: the language's strings are loaded for every catalogue
// known when the element first renders.
export { followUpFigures, followUpForYear, followUpsByYear, previousFollowUp, statusChange } from '@samverkan/sdk';
export { overviewChart, shownStatuses } from './chart.js';
export { formatYear, statusBadge } from './status.js';
