import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { signs, zonedDateTimeToIso } from '@samverkan/sdk';
import type { Agreement } from '@samverkan/sdk';
import { ConflictError, InvalidError, type Collections, type Versioned } from '../api.js';
import { entityName } from '../content/entity-text.js';
import { FORMS, type FieldSpec, type FormName } from '../content/fields.js';
import { controlForPath, controlId, formLanguages, validateValues, valuesFromEntity, type FormProblem, type FormValues } from '../content/form-values.js';
import { AdminView, errorText } from './admin-view.js';
import { errorSummary, type Problem } from './error-summary.js';
import { languageName } from './language-name.js';

type Entity = Record<string, unknown>;

/**
 * The form of one entity (new or existing). It validates with the SDK as
 * the person goes (each field once it has been changed) and on save, with a
 * GOV.UK-style error summary; texts show one input per dataset language side
 * by side; meeting times are a local date and time with the zone and the
 * offset they make shown. A save that meets someone else's newer save (412)
 * overwrites nothing: both versions show and the person chooses.
 */
export class AdminEntityFormView extends AdminView {
  /** A content collection, or `agreement` for the agreement's own fields. */
  @property({ attribute: false }) collection: FormName = 'organisations';
  /** The entity's id; `undefined` for a new one. */
  @property({ attribute: false }) entityId?: string;
  // Protected: the follow-up form (follow-up-form-view.ts) is this form, laid out by principle and party.
  @state() protected original?: Versioned<Entity>;
  @state() protected values: FormValues = {};
  @state() protected loaded = false;
  @state() protected failed = '';
  /** The choices of `optionsFrom` selects (the signatories an opportunity can belong to), loaded with the form. */
  @state() private choices: { value: string; label: string }[] = [];
  @state() private problems: FormProblem[] = [];
  /** Controls changed by the person: their problems show as they type. */
  @state() private touched = new Set<string>();
  /** After a save was tried, every problem shows and the summary lists them. */
  @state() private submitted = false;
  @state() private conflict?: { theirs: Versioned<Entity> | undefined; mine: Entity };
  @state() private busy = false;
  /** The entity asked for is not there (nothing to try again). */
  private missing = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected async load(): Promise<void> {
    this.failed = '';
    try {
      this.info ??= await this.api.datasetInfo();
      if (this.collection !== 'agreement' && FORMS[this.collection].some((spec) => spec.optionsFrom === 'signatories')) {
        const organisations = await this.api.list('organisations');
        this.choices = organisations.filter((o) => signs(o.value)).map((o) => ({ value: o.value.id, label: o.value.name }));
      }
      if (this.collection === 'agreement') {
        this.original = (await this.api.agreement()) as unknown as Versioned<Entity>;
      } else if (this.entityId !== undefined) {
        // The one entity, not its whole collection (10,000 organisations are megabytes).
        this.original = (await this.api.get(this.collection, this.entityId)) as unknown as Versioned<Entity> | undefined;
        if (!this.original) {
          this.failed = this.m.notFound;
          this.missing = true;
          return;
        }
      }
      this.values = valuesFromEntity(this.collection, this.original?.value, this.info);
      this.loaded = true;
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  protected check(): { entity: Entity; problems: FormProblem[] } {
    return validateValues(this.collection, this.values, this.info!, this.original?.value, this.m);
  }

  protected onInput(control: string, value: string): void {
    this.values = { ...this.values, [control]: value };
    this.touched = new Set(this.touched).add(control);
    this.problems = this.check().problems;
  }

  /** The problems that show now: all after a save was tried, else those of changed controls. */
  private visible(): FormProblem[] {
    return this.submitted ? this.problems : this.problems.filter((p) => this.touched.has(p.control));
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.submitted = true;
    const { entity, problems } = this.check();
    this.problems = problems;
    if (problems.length > 0) {
      await this.updateComplete;
      this.querySelector<HTMLElement>('#error-summary')?.focus();
      return;
    }
    await this.write(entity, this.original?.etag);
  }

  private async write(entity: Entity, etag: string | undefined): Promise<void> {
    this.busy = true;
    try {
      const c = this.collection;
      if (c === 'agreement') {
        this.original = (await this.api.replaceAgreement(entity as unknown as Agreement, etag ?? '')) as unknown as Versioned<Entity>;
        this.values = valuesFromEntity(c, this.original.value, this.info!);
        this.touched = new Set();
        this.submitted = false;
        this.announce(this.m.saved);
        return;
      }
      if (this.original && etag) {
        await this.api.replace(c, String(this.original.value['id']), entity as unknown as Collections[typeof c], etag);
      } else {
        await this.api.create(c, entity as unknown as Collections[typeof c]);
      }
      this.announce(this.m.saved);
      this.navigate({ name: 'content', collection: c });
    } catch (error) {
      await this.failedWrite(error, entity);
    } finally {
      this.busy = false;
    }
  }

  private async failedWrite(error: unknown, mine: Entity): Promise<void> {
    if (error instanceof ConflictError) {
      this.conflict = { theirs: error.current as Versioned<Entity> | undefined, mine };
      await this.updateComplete;
      this.querySelector<HTMLElement>('#conflict')?.focus();
      return;
    }
    if (error instanceof InvalidError) {
      this.problems = error.problems.map((p) => {
        const { control } = controlForPath(this.collection, p.path.split(/[.[\]]+/).filter(Boolean), this.info!);
        return { control, text: p.message };
      });
    } else {
      this.problems = [{ control: '', text: errorText(error, this.m) }];
    }
    this.submitted = true;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#error-summary')?.focus();
  }

  private keepTheirs(): void {
    const theirs = this.conflict?.theirs;
    this.conflict = undefined;
    if (!theirs) {
      if (this.collection !== 'agreement') this.navigate({ name: 'content', collection: this.collection });
      return;
    }
    this.original = theirs;
    this.values = valuesFromEntity(this.collection, theirs.value, this.info!);
    this.touched = new Set();
    this.submitted = false;
    this.problems = [];
    this.querySelector<HTMLElement>('h1')?.focus();
  }

  /**
   * "Save my changes over it": the fields this person changed (against the
   * version they started from) go onto the newer version; the other
   * person's changes to other fields stay.
   */
  private async keepMine(): Promise<void> {
    const conflict = this.conflict;
    if (!conflict) return;
    this.conflict = undefined;
    const started = this.original?.value ?? {};
    const mine = conflict.mine;
    let merged = mine;
    if (conflict.theirs) {
      merged = { ...conflict.theirs.value };
      for (const key of new Set([...Object.keys(started), ...Object.keys(mine)])) {
        if (JSON.stringify(started[key]) === JSON.stringify(mine[key])) continue;
        if (mine[key] === undefined) delete merged[key];
        else merged[key] = mine[key];
      }
      this.original = conflict.theirs;
    }
    await this.write(merged, conflict.theirs?.etag);
  }

  private openDelete(): void {
    this.querySelector<HTMLDialogElement>('#delete-dialog')?.showModal();
  }

  private async deleteEntity(): Promise<void> {
    this.querySelector<HTMLDialogElement>('#delete-dialog')?.close();
    if (!this.original || this.collection === 'agreement') return;
    this.busy = true;
    try {
      await this.api.remove(this.collection, String(this.original.value['id']), this.original.etag);
      this.announce(this.collection === 'opportunities' ? this.m.withdraw.done : this.m.deleted);
      this.navigate({ name: 'content', collection: this.collection });
    } catch (error) {
      await this.failedWrite(error, this.original.value);
    } finally {
      this.busy = false;
    }
  }

  protected override render() {
    const m = this.m;
    if (this.collection === 'agreement') {
      return html`<h1 tabindex="-1">${m.nav.agreement}</h1>
        ${this.renderState()}
        ${this.loaded ? this.renderForm('') : nothing}`;
    }
    const singular = m.singular[this.collection] ?? '';
    const name = this.original ? entityName(this.original.value, m.lang, this.info) : '';
    const title = this.titleFor(name, singular);
    return html`<p><a href="#/content/${this.collection}">${m.content.back}</a></p>
      <h1 tabindex="-1">${this.entityId !== undefined && !this.original ? m.nav[this.collection] : html`<bdi>${title}</bdi>`}</h1>
      ${this.renderState()}
      ${this.loaded ? this.renderForm(name) : nothing}`;
  }

  /** Loading; or why there is no form (not found, or the data could not be fetched: try again). */
  private renderState() {
    if (!this.failed) return this.loaded ? nothing : html`<p role="status">${this.m.loading}</p>`;
    if (this.loaded || this.missing) return html`<p role="alert">${this.failed}</p>`;
    return this.renderLoadFailed(this.failed, () => this.load());
  }

  /** The form's heading: "Edit …" or "New: …". */
  protected titleFor(name: string, singular: string): string {
    return this.original ? this.m.content.editTitle(name) : this.m.content.newTitle(singular);
  }

  /** The form's fields, in the order of their specs. */
  protected renderFields(visible: FormProblem[]): TemplateResult {
    return html`${FORMS[this.collection].map((spec) => this.renderField(spec, '', visible))}`;
  }

  private renderForm(name: string) {
    const m = this.m;
    const visible = this.visible();
    // An opportunity is withdrawn from the volunteer board (on the wire, the same DELETE as any entity).
    const withdraw = this.collection === 'opportunities';
    const summary: Problem[] = (this.submitted ? this.problems : []).map((p) => ({ fieldId: p.control ? controlId(p.control) : controlId(this.firstControl()), text: p.text }));
    return html`${this.conflict ? this.renderConflict() : nothing}
      ${errorSummary(m, summary, this)}
      ${this.collection === 'meetings' ? html`<p class="hint" id="zone-note">${m.meeting.zone(this.info!.timeZone)}</p>` : nothing}
      <form class="stack" novalidate @submit=${this.save}>
        ${this.renderFields(visible)}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${m.save}</button>
          ${this.original && this.collection !== 'agreement' ? html`<button type="button" class="danger delete" ?disabled=${this.busy} @click=${this.openDelete}>${withdraw ? m.withdraw.button : m.content.delete}</button>` : nothing}
        </div>
      </form>
      ${this.original && this.collection !== 'agreement'
        ? html`<dialog id="delete-dialog" aria-labelledby="delete-title">
            <h2 id="delete-title"><bdi>${withdraw ? m.withdraw.confirm(name) : m.content.deleteConfirm(name)}</bdi></h2>
            <div class="actions">
              <button type="button" class="danger confirm-delete" @click=${this.deleteEntity}>${withdraw ? m.withdraw.yes : m.content.deleteYes}</button>
              <button type="button" class="secondary" @click=${() => this.querySelector<HTMLDialogElement>('#delete-dialog')?.close()}>${m.cancel}</button>
            </div>
          </dialog>`
        : nothing}`;
  }

  private firstControl(): string {
    const spec = FORMS[this.collection][0]!;
    return spec.kind === 'localized' || spec.kind === 'localized-textarea' ? `${spec.key}@${this.info!.defaultLanguage}` : spec.key;
  }

  protected label(spec: FieldSpec): string {
    return (this.m.fields as Record<string, string>)[spec.label] ?? spec.label;
  }

  protected renderField(spec: FieldSpec, prefix: string, visible: FormProblem[]): TemplateResult {
    const key = prefix + spec.key;
    const label = this.label(spec);
    const required = spec.required ? html` <span class="hint">${this.m.content.requiredMark}</span>` : nothing;
    switch (spec.kind) {
      case 'localized':
      case 'localized-textarea':
      case 'localized-list':
        return html`<fieldset class="localized">
          <legend>${label}${required}${spec.kind === 'localized-list' ? html` <span class="hint">(${this.m.hints.onePerLine})</span>` : nothing}</legend>
          <div class="translations">
            ${formLanguages(this.info!).map((lang) =>
              this.control(`${key}@${lang}`, html`${languageName(lang, this.m.lang)}`, spec.kind === 'localized' ? 'text' : 'textarea', visible, { lang }),
            )}
          </div>
        </fieldset>`;
      case 'zoned-datetime':
        return this.renderZoned(key, label, required, visible);
      case 'group':
        return this.renderGroup(spec, key, label, visible);
      case 'select':
        return this.control(key, html`${label}${required}`, 'select', visible, { spec });
      case 'date':
        return this.control(key, html`${label}`, 'date', visible);
      case 'list':
        return this.control(key, html`${label}`, 'text', visible, { hint: spec.format === 'languages' ? this.m.hints.languages : this.m.hints.list });
      case 'textarea':
        return this.control(key, html`${label}${required}`, 'textarea', visible);
      default:
        return this.control(key, html`${label}${required}`, 'text', visible, {
          hint: spec.format === 'organisationNumber' ? this.m.hints.organisationNumber : undefined,
          type: spec.format === 'email' ? 'email' : spec.format === 'url' ? 'url' : spec.format === 'phone' ? 'tel' : 'text',
        });
    }
  }

  private control(
    control: string,
    label: TemplateResult,
    kind: 'text' | 'textarea' | 'select' | 'date',
    visible: FormProblem[],
    options: { lang?: string; hint?: string; spec?: FieldSpec; type?: string } = {},
  ): TemplateResult {
    const id = controlId(control);
    const problem = visible.find((p) => p.control === control);
    const described = [options.hint ? `${id}-hint` : '', problem ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const value = this.values[control] ?? '';
    const onInput = (e: Event) => this.onInput(control, (e.target as HTMLInputElement).value);
    const invalid = problem ? 'true' : 'false';
    let input: TemplateResult;
    if (kind === 'textarea') {
      input = html`<textarea id=${id} rows="3" lang=${options.lang ?? nothing} dir="auto" .value=${value} @input=${onInput} aria-describedby=${described} aria-invalid=${invalid}></textarea>`;
    } else if (kind === 'select') {
      const spec = options.spec!;
      const names = (spec.optionLabels ? (this.m as unknown as Record<string, Record<string, string>>)[spec.optionLabels] : {}) ?? {};
      const choices = spec.optionsFrom ? this.choices : (spec.options ?? []).map((o) => ({ value: o, label: names[o] ?? o }));
      // A value no choice has (an organisation that is no longer a signatory) stays chosen, shown as it is.
      const unknown = value && !choices.some((c) => c.value === value) ? [{ value, label: value }] : [];
      const empty = spec.emptyLabel ? (this.m.fields as Record<string, string>)[spec.emptyLabel] : '–';
      input = html`<select id=${id} @change=${onInput} aria-describedby=${described} aria-invalid=${invalid}>
        ${spec.optional || !spec.required || !value ? html`<option value="" ?selected=${value === ''}>${empty}</option>` : nothing}
        ${[...unknown, ...choices].map((o) => html`<option value=${o.value} ?selected=${value === o.value}>${o.label}</option>`)}
      </select>`;
    } else {
      input = html`<input id=${id} type=${kind === 'date' ? 'date' : (options.type ?? 'text')} lang=${options.lang ?? nothing} dir=${kind === 'date' ? nothing : 'auto'} .value=${value} @input=${onInput} aria-describedby=${described} aria-invalid=${invalid} />`;
    }
    return html`<div class="field ${problem ? 'invalid' : ''}">
      <label for=${id}>${label}</label>
      ${options.hint ? html`<span class="hint" id="${id}-hint">${options.hint}</span>` : nothing}
      ${problem ? html`<p class="field-error" id="${id}-error">${problem.text}</p>` : nothing}
      ${input}
    </div>`;
  }

  /** A meeting time: a date and a time in the dataset's zone, and the offset they make there (summer or winter). */
  private renderZoned(key: string, label: string, required: unknown, visible: FormProblem[]): TemplateResult {
    const m = this.m;
    const zone = this.info!.timeZone;
    const date = this.values[`${key}#date`] ?? '';
    const time = this.values[`${key}#time`] ?? '';
    let offset = '';
    if (date && time) {
      try {
        offset = zonedDateTimeToIso(date, time, zone).slice(-6);
      } catch {
        offset = '';
      }
    }
    const dateId = controlId(`${key}#date`);
    const timeId = controlId(`${key}#time`);
    const problems = visible.filter((p) => p.control === `${key}#date` || p.control === `${key}#time`);
    const describedFor = (id: string, control: string) =>
      [`${key}-offset`, visible.some((p) => p.control === control) ? `${id}-error` : ''].filter(Boolean).join(' ').replace(/[^A-Za-z0-9 _-]/g, '-');
    return html`<fieldset class="zoned ${problems.length ? 'invalid' : ''}">
      <legend>${label}${required}</legend>
      ${problems.map((p) => html`<p class="field-error" id="${controlId(p.control)}-error">${p.text}</p>`)}
      <div class="actions">
        <div class="field">
          <label for=${dateId}>${m.meeting.date}</label>
          <input id=${dateId} type="date" .value=${date} @input=${(e: Event) => this.onInput(`${key}#date`, (e.target as HTMLInputElement).value)} aria-describedby=${describedFor(dateId, `${key}#date`)} aria-invalid=${problems.some((p) => p.control === `${key}#date`) ? 'true' : 'false'} />
        </div>
        <div class="field">
          <label for=${timeId}>${m.meeting.time}</label>
          <input id=${timeId} type="time" .value=${time} @input=${(e: Event) => this.onInput(`${key}#time`, (e.target as HTMLInputElement).value)} aria-describedby=${describedFor(timeId, `${key}#time`)} aria-invalid=${problems.some((p) => p.control === `${key}#time`) ? 'true' : 'false'} />
        </div>
      </div>
      <p class="hint offset" id="${key}-offset">${offset ? m.meeting.offset(label, offset, zone) : m.hints.time(zone)}</p>
    </fieldset>`;
  }

  private renderGroup(spec: FieldSpec, key: string, label: string, visible: FormProblem[]): TemplateResult {
    const m = this.m;
    const count = Number(this.values[`${key}#count`] ?? 0);
    const itemLabel = this.label({ ...spec, label: spec.itemLabel ?? spec.item?.find((s) => s.required && s.kind !== 'select')?.label ?? spec.label });
    return html`<fieldset class="group" data-group=${key}>
      <legend>${label}</legend>
      ${Array.from({ length: count }, (_, i) => html`<fieldset class="group-item">
        <legend>${m.group.item(itemLabel, i + 1)}</legend>
        ${(spec.item ?? []).map((sub) => this.renderField(sub, `${key}[${i}].`, visible))}
        <button type="button" class="secondary" @click=${() => this.removeItem(key, i)}>${m.group.remove(itemLabel, i + 1)}</button>
      </fieldset>`)}
      <button type="button" class="secondary add-item" @click=${() => this.addItem(key)}>${m.group.add(itemLabel)}</button>
    </fieldset>`;
  }

  private async addItem(key: string): Promise<void> {
    const count = Number(this.values[`${key}#count`] ?? 0);
    this.values = { ...this.values, [`${key}#count`]: String(count + 1) };
    this.problems = this.check().problems;
    await this.updateComplete;
    // Focus the new item's first control, so a keyboard user goes on typing there (groups may hold groups: this group's own items).
    this.groupItems(key)[count]?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }

  /** The item fieldsets of the group `key` (not those of a group inside one of them). */
  private groupItems(key: string): HTMLFieldSetElement[] {
    const group = this.querySelector(`fieldset.group[data-group="${CSS.escape(key)}"]`);
    return group ? [...group.children].filter((c): c is HTMLFieldSetElement => c.matches('fieldset.group-item')) : [];
  }

  private async removeItem(key: string, index: number): Promise<void> {
    const count = Number(this.values[`${key}#count`] ?? 0);
    const next: FormValues = {};
    for (const [k, v] of Object.entries(this.values)) {
      // The index right after this group's key (`commitments[0].evidence[2].url` → 2 for the evidence group).
      const match = k.startsWith(`${key}[`) ? /^\[(\d+)\]\.(.*)$/.exec(k.slice(key.length)) : null;
      if (!match) next[k] = v;
      else if (Number(match[1]) < index) next[k] = v;
      else if (Number(match[1]) > index) next[`${key}[${Number(match[1]) - 1}].${match[2]}`] = v;
    }
    next[`${key}#count`] = String(count - 1);
    this.values = next;
    this.problems = this.check().problems;
    await this.updateComplete;
    // The removed item's button is gone: focus goes to the group's "add" button, not to the page's start.
    this.querySelector<HTMLElement>(`fieldset.group[data-group="${CSS.escape(key)}"] > button.add-item`)?.focus();
  }

  private renderConflict(): TemplateResult {
    const m = this.m;
    const theirs = this.conflict!.theirs?.value ?? {};
    const mine = this.conflict!.mine;
    const started = this.original?.value ?? {};
    // Every field either person changed since the version this form started from.
    const differs = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
    const keys = [...new Set([...Object.keys(theirs), ...Object.keys(mine), ...Object.keys(started)])].filter((k) => differs(theirs[k], started[k]) || differs(mine[k], started[k]));
    const show = (v: unknown) => (v === undefined ? m.applications.none : typeof v === 'string' ? v : JSON.stringify(v));
    return html`<section id="conflict" class="error-summary conflict" role="alert" tabindex="-1" aria-labelledby="conflict-title">
      <h2 id="conflict-title">${m.content.conflictTitle}</h2>
      <p>${m.content.conflictIntro}</p>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="conflict-title">
        <table>
          <thead><tr><th scope="col">${m.content.field}</th><th scope="col">${m.content.conflictTheirs}</th><th scope="col">${m.content.conflictYours}</th></tr></thead>
          <tbody>
            ${keys.map((k) => html`<tr><th scope="row">${k}</th><td><bdi>${show(theirs[k])}</bdi></td><td><bdi>${show(mine[k])}</bdi></td></tr>`)}
          </tbody>
        </table>
      </div>
      <div class="actions">
        <button type="button" class="secondary keep-theirs" @click=${this.keepTheirs}>${m.content.conflictKeepTheirs}</button>
        <button type="button" class="keep-mine" @click=${this.keepMine}>${m.content.conflictKeepMine}</button>
      </div>
    </section>`;
  }
}
