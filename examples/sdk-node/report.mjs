// Prints the upcoming meetings of a Samverkan dataset and the signatories in
// one district. The dataset comes from a URL (through the SDK client, with its
// typed errors) or from a file (through parseDataset).
//
//   node report.mjs <url-or-file> [--district=Järna] [--lang=sv] [--now=2026-06-01]
//
// See README.md for how to run it inside this repository.
import { readFile } from 'node:fs/promises';
import {
  createClient,
  filterOrganisations,
  formatMeetingTime,
  isSamverkanError,
  organisationFacets,
  parseDataset,
  pickText,
  upcomingMeetings,
} from '@samverkan/sdk';

const args = process.argv.slice(2);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const source = args.find((a) => !a.startsWith('--'));
if (!source) {
  console.error('Usage: node report.mjs <dataset URL or file> [--district=NAME] [--lang=sv] [--now=ISO date]');
  process.exit(2);
}

async function load(from) {
  if (/^https?:\/\//i.test(from)) {
    const result = await createClient({ datasetUrl: from }).getDataset();
    if (result.stale) console.warn(`Note: showing a copy from ${result.fetchedAt.toISOString()} (${result.error?.message})`);
    return result;
  }
  return parseDataset(await readFile(from, 'utf8'));
}

try {
  const { dataset, issues } = await load(source);
  if (issues.length) console.warn(`${issues.length} entr${issues.length === 1 ? 'y was' : 'ies were'} left out; first: ${issues[0].path}: ${issues[0].message}`);
  const lang = option('lang') ?? dataset.defaultLanguage;
  const now = option('now') ? new Date(option('now')) : new Date();
  const text = (value) => pickText(value, lang, dataset.defaultLanguage).text;

  const meetings = upcomingMeetings(dataset, now);
  console.log(`Upcoming meetings (${dataset.timeZone}) after ${now.toISOString().slice(0, 10)}: ${meetings.length}`);
  for (const meeting of meetings) {
    const status = meeting.status === 'scheduled' ? '' : ` [${meeting.status}]`;
    const place = meeting.location?.name ? ` — ${text(meeting.location.name)}` : meeting.location?.onlineUrl ? ' — online' : '';
    console.log(`  ${formatMeetingTime(meeting, { lang, timeZone: dataset.timeZone })}  ${text(meeting.title)}${place}${status}`);
  }

  const { districts } = organisationFacets(dataset);
  const district = option('district') ?? districts[0];
  const signatories = filterOrganisations(dataset, { district, signatoriesOnly: true });
  console.log(`\nSignatories in ${district}: ${signatories.length}`);
  for (const organisation of signatories) {
    const number = organisation.organisationNumber ? ` (${organisation.organisationNumber})` : '';
    console.log(`  ${organisation.name}${number}, signed ${organisation.signature.signedOn}`);
  }
  if (!option('district')) console.log(`\nOther districts: ${districts.slice(1).join(', ')} (choose one with --district=NAME)`);
} catch (error) {
  // The SDK's errors say what went wrong and what to check; anything else is a bug.
  console.error(isSamverkanError(error) ? error.message : error);
  process.exit(1);
}
