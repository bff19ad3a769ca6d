/**
 * Many content writes as one change (`POST /api/v1/admin/changes`, the admin
 * page's import): every write is applied to the dataset as published, the
 * rules are judged on the dataset the whole batch makes, and it is published
 * as one version or not at all. Every problem is named, each at the write
 * that caused it (`writes[3].data.email`), so nothing is half-stored and a
 * client can fix them all at once.
 */
import type { ContentWrite, Dataset, RefusalCode } from '@samverkan/sdk';
import type { ErrorItem } from '../http/errors.js';
import type { Said } from '../http/language.js';
import { refusalsOfWrite } from '../offered-by-signatories.js';
import { entityEtag, listOf, newId, withList, type Entity } from './entities.js';
import { checkedDataset, type CheckedDataset } from './publish.js';

/** One problem of a batch, with the status it alone would get (400 invalid, 412 stale, 409 refused). */
export interface BatchProblem extends ErrorItem {
  status: 400 | 409 | 412;
}

/** A batch applied: the dataset it makes, what each write wrote, and every problem. */
export interface AppliedBatch {
  candidate: Dataset;
  /** Per write applied, in order: the entity's collection and id, and the write's index. */
  written: { collection: ContentWrite['collection']; id: string; op: ContentWrite['op']; write: number }[];
  problems: BatchProblem[];
}

const at = (i: number, rest = '') => `writes[${i}]${rest ? `.${rest}` : ''}`;

/**
 * Applies `writes` to `dataset` (as published) in order. A write that cannot
 * be applied (a stale `etag`, an id taken or not found, an entity written
 * twice) is a problem and left out; the rest still make the candidate, so
 * its own problems are found too.
 */
export function applyWrites(dataset: Dataset, writes: readonly ContentWrite[]): AppliedBatch {
  const lists = new Map<string, Entity[]>();
  const listFor = (collection: string) => {
    let list = lists.get(collection);
    if (!list) lists.set(collection, (list = [...listOf(dataset, collection)]));
    return list;
  };
  const problems: BatchProblem[] = [];
  const written: AppliedBatch['written'] = [];
  const seen = new Map<string, number>();
  writes.forEach((write, i) => {
    const { op, collection } = write;
    const list = listFor(collection);
    const problem = (status: BatchProblem['status'], path: string, message: string | Said, extra: Partial<ErrorItem> = {}): void => {
      problems.push({ status, path: at(i, path), message, ...extra });
    };
    let id = write.id ?? (typeof write.data?.id === 'string' && write.data.id !== '' ? write.data.id : undefined);
    if (op !== 'delete' && write.data === undefined) return problem(400, 'data', op === 'create' ? { en: 'must be the entry to add (a JSON object)', sv: 'måste vara posten som ska läggas till (ett JSON-objekt)' } : { en: 'must be the entry to save (a JSON object)', sv: 'måste vara posten som ska sparas (ett JSON-objekt)' });
    if (write.id !== undefined && write.data?.id !== undefined && write.data.id !== write.id) return problem(400, 'data.id', { en: 'must be the write\'s id (ids do not change; create a new entry instead)', sv: 'måste vara skrivningens id (id ändras inte; skapa en ny post i stället)' });
    if (op === 'create') id ??= newId(write.data!, new Set(list.map((e) => e.id)), dataset);
    if (id === undefined) return problem(400, 'id', op === 'replace' ? { en: 'must name the entry to replace', sv: 'måste ange posten som ska ersättas' } : { en: 'must name the entry to delete', sv: 'måste ange posten som ska tas bort' });
    const key = `${collection}/${id}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) return problem(400, 'id', { en: `${key} is written twice in this batch (also at writes[${earlier}]); write each entry once.`, sv: `${key} skrivs två gånger i den här omgången (även i writes[${earlier}]); skriv varje post en gång.` });
    seen.set(key, i);
    written.push({ collection, id, op, write: i });
    const index = list.findIndex((e) => e.id === id);
    if (op === 'create') {
      if (index !== -1) return problem(409, 'id', { en: `Nothing was saved: there is already an entry in ${collection} with the id "${id}". Give this one another id, or change the entry that has it.`, sv: `Ingenting sparades: det finns redan en post i ${collection} med id "${id}". Ge den här ett annat id, eller ändra posten som har det.` }, { code: 'id-taken' satisfies RefusalCode, params: { id } });
      list.push({ ...write.data, id } as Entity);
      return;
    }
    if (index === -1) return problem(409, 'id', { en: `Nothing was saved: there is no entry in ${collection} with the id "${id}" (someone may have deleted it). Load the data again and compare.`, sv: `Ingenting sparades: det finns ingen post i ${collection} med id "${id}" (någon kan ha tagit bort den). Läs in datan igen och jämför.` }, { code: 'not-found' satisfies RefusalCode, params: { id } });
    const etag = entityEtag(list[index]);
    if (write.etag === undefined) return problem(400, 'etag', { en: 'must be the ETag you read, so a change made meanwhile is not overwritten', sv: 'måste vara den ETag du läste, så att en ändring som gjorts under tiden inte skrivs över' });
    if (write.etag !== etag) {
      return problem(412, 'etag', { en: `Nothing was saved: someone changed ${key} meanwhile. Load it again, apply your change to it and send it again.`, sv: `Ingenting sparades: någon ändrade ${key} under tiden. Läs in den igen, gör din ändring i den och skicka den igen.` }, { code: 'stale' satisfies RefusalCode, params: { etag } });
    }
    if (op === 'replace') list[index] = { ...write.data, id } as Entity;
    else list.splice(index, 1);
  });
  let candidate = dataset;
  for (const [collection, list] of lists) candidate = withList(candidate, collection, list);
  return { candidate, written, problems };
}

/**
 * Checks a batch's candidate: the strict rules ({@link checkedDataset}) and
 * the signatories' rule on the state it makes (`refusalsOfWrite`). Paths in
 * a written entity become paths in its write (`organisations[4].email` →
 * `writes[2].data.email`). Answers the parsed dataset, or every problem.
 */
export function checkBatch(before: Dataset, applied: AppliedBatch, updatedAt: string): { dataset?: CheckedDataset; problems: BatchProblem[] } {
  const problems = [...applied.problems];
  const candidate = { ...applied.candidate, updatedAt };
  const writeOf = new Map<string, number>();
  for (const w of applied.written) writeOf.set(`${w.collection}/${w.id}`, w.write);
  const place = (path: string): string => {
    const match = /^([A-Za-z]+)\[(\d+)\](.*)$/.exec(path);
    if (!match) return path;
    const entity = listOf(candidate, match[1]!)[Number(match[2])];
    const i = entity && writeOf.get(`${match[1]}/${entity.id}`);
    return i === undefined ? path : `writes[${i}].data${match[3]}`;
  };
  const checked = checkedDataset(candidate);
  for (const error of checked.errors ?? []) problems.push({ ...error, path: place(error.path), status: 400 });
  for (const refusal of refusalsOfWrite(before, checked.dataset ?? candidate)) {
    // At the opportunity's write for not-a-signatory, else at the organisation's write (its edit or deletion).
    const opportunity = refusal.opportunityId === undefined ? undefined : writeOf.get(`opportunities/${refusal.opportunityId}`);
    const organisation = writeOf.get(`organisations/${refusal.organisationId}`);
    const path = opportunity !== undefined ? `writes[${opportunity}].data.organisationId` : organisation !== undefined ? `writes[${organisation}]` : '';
    problems.push({ ...refusal.item, path, status: 409 });
  }
  return problems.length > 0 ? { problems } : { dataset: checked.dataset!, problems };
}

/** The status of an answer naming these problems: 400 when any is invalid, else 412 when any is stale, else 409. */
export function batchStatus(problems: readonly BatchProblem[]): 400 | 409 | 412 {
  if (problems.some((p) => p.status === 400)) return 400;
  return problems.some((p) => p.status === 412) ? 412 : 409;
}

/** A version's line for a batch: how many entries were added, changed and deleted. */
export function batchSummary(written: AppliedBatch['written']): string {
  const count = (op: string) => written.filter((w) => w.op === op).length;
  const parts = [
    [count('create'), 'added'],
    [count('replace'), 'changed'],
    [count('delete'), 'deleted'],
  ].filter(([n]) => n !== 0);
  return `Imported: ${parts.map(([n, what]) => `${n} ${what}`).join(', ')}`;
}

/** The audit action of a write. */
export function auditAction(op: ContentWrite['op']): string {
  return op === 'create' ? 'content-created' : op === 'replace' ? 'content-replaced' : 'content-deleted';
}
