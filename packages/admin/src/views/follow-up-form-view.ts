import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { COMMITMENT_PARTIES, followUpsByYear, pickText, type FollowUp, type LocalizedText, type Principle } from '@samverkan/sdk';
import { FORMS, type FieldSpec } from '../content/fields.js';
import { controlId, validateValues, valuesFromEntity, type FormProblem, type FormValues } from '../content/form-values.js';
import { errorText } from './admin-view.js';
import { AdminEntityFormView } from './entity-form-view.js';

type Entity = Record<string, unknown>;

const SPECS = FORMS.followUps;
/** The report's own fields (year, date, summary, document), shown above the commitments. */
const REPORT_SPECS = SPECS.filter((s) => s.key !== 'commitments' && s.key !== 'id');
const COMMITMENT_SPECS: FieldSpec[] = (SPECS.find((s) => s.key === 'commitments')?.item ?? []).filter((s) => s.key !== 'commitmentId');
const ITEM = /^commitments\[(\d+)\]\.(.*)$/;

/** One commitment of the agreement with its place in the form. */
interface Row {
  index: number;
  id: string;
  party: string;
  text: LocalizedText;
}

/**
 * A year's follow-up report. It is the content form (entity-form-view.ts:
 * SDK validation as the person types and on save, the error summary,
 * translations side by side, If-Match and the 412 choice) laid out the way
 * the agreement reads: per principle, per party, each commitment with its
 * status in words, a note and evidence links (http(s) only, checked by the
 * SDK's schema). Every commitment of the agreement has a row; one left at
 * "no information" is not in the saved report. A new year's report starts
 * from the latest year's statuses.
 */
export class AdminFollowUpFormView extends AdminEntityFormView {
  @state() private principles?: Principle[];
  /** The latest year a new report was filled in from. */
  @state() private prefilledFrom?: number;
  /** Commitments the report has that the agreement no longer has (dropped on save, said before). */
  @state() private gone: string[] = [];
  /** The years other reports cover: a year has one report. */
  private takenYears = new Set<number>();

  constructor() {
    super();
    this.collection = 'followUps';
  }

  protected override async load(): Promise<void> {
    try {
      this.info ??= await this.api.datasetInfo();
      const [principles, reports] = await Promise.all([this.api.list('principles'), this.api.list('followUps')]);
      this.principles = principles.map((p) => p.value);
      this.takenYears = new Set(reports.filter((r) => r.value.id !== this.entityId).map((r) => r.value.year));
      await super.load();
      if (!this.loaded) return;
      const latest = this.entityId === undefined ? followUpsByYear({ followUps: reports.map((r) => r.value) })[0] : undefined;
      this.values = this.alignedValues(latest);
      if (latest) this.prefilledFrom = latest.year;
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  /** The agreement's commitments in reading order, each with its place in the form. */
  private rows(): Row[] {
    const rows: Row[] = [];
    for (const principle of this.principles ?? []) for (const c of principle.commitments) rows.push({ index: rows.length, id: c.id, party: c.party, text: c.text });
    return rows;
  }

  /**
   * The form's values with one item per commitment of the agreement, in its
   * order, holding what the report says of it; a new report is the year
   * after `from` with `from`'s statuses (its notes, evidence, summary and
   * document are that year's own: a note carried over would publish last
   * year's words, and a stale translation beside a new one).
   */
  private alignedValues(from: FollowUp | undefined): FormValues {
    const report = (this.original?.value as FollowUp | undefined) ?? (from && { ...from, commitments: from.commitments.map((e) => ({ commitmentId: e.commitmentId, status: e.status })) });
    const entries = new Map((report?.commitments ?? []).map((e) => [e.commitmentId, e]));
    const ids = new Set(this.rows().map((r) => r.id));
    this.gone = [...entries.keys()].filter((id) => !ids.has(id));
    const base = this.original?.value ?? (from ? { year: from.year + 1 } : { year: new Date().getFullYear() });
    const entity = { ...base, commitments: this.rows().map((r) => entries.get(r.id) ?? { commitmentId: r.id }) };
    return valuesFromEntity('followUps', entity, this.info!);
  }

  /**
   * The SDK's check of the report the form makes: only the commitments with
   * a status (or with a note or evidence written, which then need one) go
   * into it, so the problems' places are mapped back to the rows they came
   * from. A new report is named after its year.
   */
  protected override check(): { entity: Entity; problems: FormProblem[] } {
    const count = Number(this.values['commitments#count'] ?? 0);
    const kept: number[] = [];
    for (let i = 0; i < count; i++) {
      const prefix = `commitments[${i}].`;
      const written = Object.entries(this.values).some(([k, v]) => k.startsWith(prefix) && k !== `${prefix}commitmentId` && !k.endsWith('#count') && v.trim() !== '');
      if (written) kept.push(i);
    }
    const reduced: FormValues = {};
    for (const [k, v] of Object.entries(this.values)) if (!k.startsWith('commitments[')) reduced[k] = v;
    kept.forEach((from, to) => {
      const prefix = `commitments[${from}].`;
      for (const [k, v] of Object.entries(this.values)) if (k.startsWith(prefix)) reduced[`commitments[${to}].${k.slice(prefix.length)}`] = v;
    });
    reduced['commitments#count'] = String(kept.length);
    const year = (reduced['year'] ?? '').trim();
    if (!this.original && /^\d{4}$/.test(year)) reduced['id'] = `follow-up-${year}`;
    const { entity, problems } = validateValues('followUps', reduced, this.info!, this.original?.value, this.m);
    const mapped = problems.map((p) => {
      const match = ITEM.exec(p.control);
      return match ? { ...p, control: `commitments[${kept[Number(match[1])]}].${match[2]}` } : p;
    });
    if (/^\d+$/.test(year) && this.takenYears.has(Number(year))) mapped.unshift({ control: 'year', text: this.m.followUp.yearTaken(year) });
    return { entity, problems: mapped };
  }

  protected override titleFor(): string {
    const year = this.original ? String((this.original.value as unknown as FollowUp).year) : (this.values['year'] ?? '').trim();
    return this.original ? this.m.followUp.editTitle(year) : this.m.followUp.newTitle(year);
  }

  protected override renderFields(visible: FormProblem[]): TemplateResult {
    const m = this.m;
    const rows = this.rows();
    return html`<p>${m.followUp.intro}</p>
      ${this.prefilledFrom !== undefined ? html`<p class="hint" id="prefilled">${m.followUp.prefilled(this.prefilledFrom)}</p>` : nothing}
      ${this.gone.length
        ? html`<div class="panel" id="gone"><p>${m.followUp.gone}</p><ul>${this.gone.map((id) => html`<li><bdi>${id}</bdi></li>`)}</ul></div>`
        : nothing}
      <section class="stack" aria-labelledby="report-title">
        <h2 id="report-title">${m.followUp.report}</h2>
        ${REPORT_SPECS.map((spec) => this.renderField(spec, '', visible))}
      </section>
      <section class="stack" aria-labelledby="commitments-title">
        <h2 id="commitments-title">${m.followUp.commitmentsTitle}</h2>
        ${rows.length === 0 ? html`<p>${m.followUp.noCommitments}</p>` : html`<p class="hint">${m.followUp.statusHint}</p>`}
        ${(this.principles ?? []).map((principle) => this.renderPrinciple(principle, rows, visible))}
      </section>`;
  }

  private text(value: LocalizedText): string {
    try {
      return pickText(value, this.m.lang, this.info?.defaultLanguage ?? 'sv').text;
    } catch {
      return '';
    }
  }

  /** One principle: its commitments grouped by party (the municipality, civil society, both). */
  private renderPrinciple(principle: Principle, rows: Row[], visible: FormProblem[]): TemplateResult | typeof nothing {
    if (principle.commitments.length === 0) return nothing;
    const ids = new Set(principle.commitments.map((c) => c.id));
    const mine = rows.filter((r) => ids.has(r.id));
    const headingId = `principle-${controlId(principle.id)}`;
    return html`<section class="stack follow-up-principle" aria-labelledby=${headingId}>
      <h3 id=${headingId}><bdi>${this.text(principle.title)}</bdi></h3>
      ${COMMITMENT_PARTIES.map((party) => {
        const ofParty = mine.filter((r) => r.party === party);
        if (ofParty.length === 0) return nothing;
        return html`<h4>${this.m.followUp.partyCommitments(this.m.parties[party] ?? party)}</h4>
          ${ofParty.map((row) => this.renderCommitment(row, visible))}`;
      })}
    </section>`;
  }

  /** One commitment: its text as the legend, then its status, note and evidence links. */
  private renderCommitment(row: Row, visible: FormProblem[]): TemplateResult {
    const prefix = `commitments[${row.index}].`;
    return html`<fieldset class="follow-up-commitment" data-commitment=${row.id}>
      <legend><bdi>${this.text(row.text)}</bdi></legend>
      ${COMMITMENT_SPECS.map((spec) => this.renderField(spec, prefix, visible))}
    </fieldset>`;
  }
}
