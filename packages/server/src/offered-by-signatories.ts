/**
 * Volunteer opportunities are offered by signatories only (an offer from
 * anyone else is refused, `400 not-a-signatory`, and its approval too,
 * `409 not-a-signatory`). This module keeps that true afterwards, whatever
 * the path: no write may leave an organisation that publishes opportunities
 * without its signature (or without the organisation), nor point an
 * opportunity at an organisation that does not sign. The content routes,
 * the decisions on applications and the import all ask it; each refusal
 * names the opportunities in the way (`params`), so a client can say in its
 * own words what to withdraw or move first.
 */
import { signs, type Dataset, type RefusalCode } from '@samverkan/sdk';
import type { ErrorItem } from './http/errors.js';

/** The ids of the opportunities the dataset publishes for an organisation, in dataset order. */
export function opportunitiesOf(dataset: Pick<Dataset, 'opportunities'>, organisationId: string): string[] {
  return (dataset.opportunities ?? []).filter((o) => o.organisationId === organisationId).map((o) => o.id);
}

/** What a write would take from an organisation: the organisation itself, or only its signature. */
export type TakenAway = 'organisation' | 'signature';

/**
 * Why an organisation cannot lose what `change` names while it publishes
 * opportunities (`409 organisation-has-opportunities`), said in the
 * request's language, with the facts as `params` (`organisationId`, `organisation`,
 * `opportunities` comma-separated, `change`). `undefined` when it
 * publishes none.
 */
export function stillOffered(dataset: Pick<Dataset, 'opportunities'>, organisation: { id: string; name?: unknown }, change: TakenAway): ErrorItem | undefined {
  const offered = opportunitiesOf(dataset, organisation.id);
  if (offered.length === 0) return undefined;
  const name = typeof organisation.name === 'string' ? organisation.name : organisation.id;
  const ids = offered.join(', ');
  const message =
    change === 'signature'
      ? {
          en: `${name} publishes volunteer opportunities (${ids}); without its signature they would stay up, offered by an organisation that no longer signs. Withdraw them, or move them to a signatory, first (under Volunteer opportunities), then remove the signature; or keep the signature. Nothing was saved.`,
          sv: `${name} har publicerade volontäruppdrag (${ids}). Utan underskrift skulle de ligga kvar från en organisation som inte längre har undertecknat. Dra tillbaka dem eller flytta dem till en undertecknare först (under Volontäruppdrag) och ta sedan bort underskriften, eller behåll underskriften. Inget sparades.`,
        }
      : {
          en: `${name} publishes volunteer opportunities (${ids}); deleting it would leave them without an organisation. Withdraw or delete them first (under Volunteer opportunities), then delete the organisation. Nothing was saved.`,
          sv: `${name} har publicerade volontäruppdrag (${ids}); tas organisationen bort skulle de stå utan organisation. Dra tillbaka eller ta bort dem först (under Volontäruppdrag) och ta sedan bort organisationen. Inget sparades.`,
        };
  return { path: '', code: 'organisation-has-opportunities' satisfies RefusalCode, message, params: { organisationId: organisation.id, organisation: name, opportunities: ids, change } };
}

/**
 * Why an opportunity cannot be offered by, or moved to, an organisation
 * that is listed without a signature: `409 not-a-signatory` at
 * `organisationId` (the code of an offer's refused approval; `params`:
 * `organisationId`, `organisation`), said in the request's language.
 */
export function notSigning(organisation: { id: string; name: string }): ErrorItem {
  const { id, name } = organisation;
  return {
    path: 'organisationId',
    code: 'not-a-signatory' satisfies RefusalCode,
    params: { organisationId: id, organisation: name },
    message: {
      en: `${name} (${id}) has not signed the agreement: only signatories offer volunteer opportunities. Choose a signatory, or add ${name}'s signature first (under Organisations). Nothing was saved.`,
      sv: `${name} (${id}) har inte undertecknat överenskommelsen: bara undertecknare erbjuder volontäruppdrag. Välj en undertecknare, eller lägg först till underskriften (under Organisationer). Inget sparades.`,
    },
  };
}

/**
 * The organisations that publish opportunities without signing, each with
 * those opportunities' ids: what {@link newlyUnsigned} compares.
 */
export function unsignedOffering(dataset: Pick<Dataset, 'opportunities' | 'organisations'>): Map<string, string[]> {
  const signing = new Map(dataset.organisations.map((o) => [o.id, signs(o)]));
  const out = new Map<string, string[]>();
  for (const opportunity of dataset.opportunities ?? []) {
    // An opportunity pointing at no organisation is the strict check's to report (unknown-reference).
    if (signing.get(opportunity.organisationId) !== false) continue;
    const list = out.get(opportunity.organisationId);
    if (list) list.push(opportunity.id);
    else out.set(opportunity.organisationId, [opportunity.id]);
  }
  return out;
}

/**
 * The refusals for a whole dataset about to replace `before` (a restore, an
 * import): one per organisation that publishes opportunities without
 * signing in `after` and did not in `before` (a state a dataset already had
 * is not this change's doing, and refusing it would block every change
 * until it is mended). Empty when there is none.
 */
export function newlyUnsigned(before: Pick<Dataset, 'opportunities' | 'organisations'> | undefined, after: Dataset): ErrorItem[] {
  const earlier = before ? unsignedOffering(before) : new Map<string, string[]>();
  const problems: ErrorItem[] = [];
  for (const [organisationId, opportunities] of unsignedOffering(after)) {
    const had = new Set(earlier.get(organisationId) ?? []);
    if (opportunities.every((id) => had.has(id))) continue;
    const organisation = after.organisations.find((o) => o.id === organisationId)!;
    problems.push(stillOffered(after, organisation, 'signature')!);
  }
  return problems;
}

/** One refusal of {@link refusalsOfWrite}, with what it is about (to place it at the write that caused it). */
export interface WriteRefusal {
  item: ErrorItem;
  organisationId: string;
  /** For `not-a-signatory`: the opportunity written for an organisation that does not sign. */
  opportunityId?: string;
}

/**
 * The refusals for a write of many entries at once (a batch, the admin
 * page's import), judged on the state the whole write produces, never on
 * an intermediate one: moving an organisation's opportunities to a
 * signatory and removing its signature in one write is fine; leaving them
 * on it is not. Each organisation that signed in `before` and offers
 * opportunities in `after` without its signature, or is gone while
 * opportunities still point at it, is `organisation-has-opportunities`;
 * each opportunity newly offered (created or moved) by an organisation that
 * did not sign before either is `not-a-signatory`. What `before` already
 * had is not this write's doing.
 */
export function refusalsOfWrite(before: Pick<Dataset, 'opportunities' | 'organisations'>, after: Dataset): WriteRefusal[] {
  const out: WriteRefusal[] = [];
  const earlier = unsignedOffering(before);
  const beforeById = new Map(before.organisations.map((o) => [o.id, o]));
  const afterIds = new Set(after.organisations.map((o) => o.id));
  for (const [organisationId, opportunities] of unsignedOffering(after)) {
    const had = new Set(earlier.get(organisationId) ?? []);
    const fresh = opportunities.filter((id) => !had.has(id));
    if (fresh.length === 0) continue;
    const organisation = after.organisations.find((o) => o.id === organisationId)!;
    const was = beforeById.get(organisationId);
    if (was && signs(was)) out.push({ item: stillOffered(after, organisation, 'signature')!, organisationId });
    else for (const opportunityId of fresh) out.push({ item: notSigning(organisation), organisationId, opportunityId });
  }
  for (const organisation of before.organisations) {
    if (afterIds.has(organisation.id)) continue;
    const refusal = stillOffered(after, organisation, 'organisation');
    if (refusal) out.push({ item: refusal, organisationId: organisation.id });
  }
  return out;
}
