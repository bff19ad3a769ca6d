import type { CommitmentParty, FollowUpStatus } from '@samverkan/sdk';
import { Catalogue, type PluralForms } from '../translations/catalogue.js';

/** A status as the follow-up shows it; `unreported` is a commitment the report gives no status. */
export type ShownStatus = FollowUpStatus | 'unreported';

/** The follow-up element's UI strings (the principles element's `show-follow-up` uses `statuses`). */
export interface FollowUpMessages {
  /** The region's accessible name. */
  label: string;
  /** The report's heading; `{year}`. */
  heading: string;
  /** The year switcher's label. */
  yearLabel: string;
  /** When the report was published; `{date}`. */
  published: string;
  /** The link to the report as a document. */
  document: string;
  /** The overview's heading. */
  overviewHeading: string;
  /** What the chart shows (its caption); `{year}`. */
  chartCaption: string;
  /** The caption of the table with the chart's figures; `{year}`. */
  tableCaption: string;
  /** The table's first column. */
  partyHeader: string;
  /** The table's last column. */
  totalHeader: string;
  /** The parties, short (chart and tables). */
  parties: Record<CommitmentParty, string>;
  /** The headings of a principle's commitments, by party. */
  partyCommitments: Record<CommitmentParty, string>;
  /** The statuses in words (always shown with their symbol). */
  statuses: Record<ShownStatus, string>;
  /** Read before a commitment's status. */
  statusPrefix: string;
  /** The change section's heading and table caption; `{year}` is the earlier year. */
  changeHeading: string;
  /** Explains the change table's cells. */
  changeHint: string;
  /** The commitments' heading. */
  commitmentsHeading: string;
  /** The heading of a commitment's evidence links. */
  evidence: string;
  /** No report at all. */
  empty: string;
  /** No report for the year asked for; `{year}`. */
  noReport: string;
  /** A count of commitments (chart labels). */
  commitments: PluralForms;
}

/** The follow-up element's strings: Swedish here, the other languages loaded when first needed. */
export const followUpMessages = new Catalogue<FollowUpMessages>({
  sv: {
    label: 'Uppföljning av överenskommelsen',
    heading: 'Uppföljning {year}',
    yearLabel: 'År',
    published: 'Publicerad {date}.',
    document: 'Läs hela uppföljningsrapporten',
    overviewHeading: 'Översikt',
    chartCaption: 'Åtagandenas status per part {year}',
    tableCaption: 'Antal åtaganden per part och status {year}',
    partyHeader: 'Part',
    totalHeader: 'Totalt',
    parties: { municipality: 'Kommunen', 'civil-society': 'Idéburen sektor', both: 'Gemensamma' },
    partyCommitments: { municipality: 'Kommunen åtar sig', 'civil-society': 'Den idéburna sektorn åtar sig', both: 'Tillsammans åtar vi oss' },
    statuses: { done: 'Klart', 'in-progress': 'Pågår', 'not-started': 'Inte påbörjat', 'not-done': 'Genomförs inte', unreported: 'Ingen uppgift' },
    statusPrefix: 'Status:',
    changeHeading: 'Förändring sedan {year}',
    changeHint: 'Antal åtaganden i år, och inom parentes skillnaden mot {year}.',
    commitmentsHeading: 'Åtagandena, princip för princip',
    evidence: 'Underlag',
    empty: 'Det finns ingen uppföljning av överenskommelsen ännu.',
    noReport: 'Det finns ingen uppföljning för {year}. Välj ett annat år.',
    commitments: { one: '{n} åtagande', other: '{n} åtaganden' },
  },
  en: () => import('./messages.en.js'),
  fi: () => import('./messages.fi.js'),
  ar: () => import('./messages.ar.js'),
});
