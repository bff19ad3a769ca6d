// What the principles need only once they have data (issue 18: the page
// ≤ 25 KB before it renders): the commitments' latest statuses from the
// follow-ups and their badges. Imported when the element connects, beside
// its dataset's request (SamverkanElement.datasetParts). The follow-up's UI
// strings stay in the first download: the language's strings are loaded
// for every catalogue known when the element first renders.
export { latestCommitmentStatuses } from '@samverkan/sdk';
export { formatYear, statusBadge } from '../follow-up/status.js';
// The element's own styles: they style only what its data shows (SamverkanElement adds them then).
export { principlesStyles as dataStyles } from './principles.styles.js';
