import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { organisationsToCsv, type Organisation } from '@samverkan/sdk';
import { ImportRefusedError, type Versioned } from '../api.js';
import { looksLikeJson, planCsv, planJson, type CurrentContent, type ImportPlan } from '../content/import-plan.js';
import { CONTENT_COLLECTIONS } from '../router.js';
import { AdminView, errorText } from './admin-view.js';
import { refusalText } from './refusal-text.js';

type Entity = Record<string, unknown>;

/** An entry's name as the plan lists it: its name, a plain title, or its id. */
const entryName = (v: Entity) => String(v['name'] ?? (typeof v['title'] === 'string' ? v['title'] : v['id']));

/**
 * Import and export. Import: choose a dataset file (JSON) or a list of
 * organisations (CSV); the page shows what would be added and changed and
 * the problems per line, and publishes only when asked. Export: the
 * published dataset as JSON, the organisations as CSV (the format the
 * import reads).
 */
export class AdminImportView extends AdminView {
  @state() private plan?: ImportPlan;
  @state() private fileName = '';
  @state() private failed = '';
  @state() private progress = '';
  @state() private busy = false;
  /** Why the server published none of the plan: each problem at its entry, in the reader's words. */
  @state() private refused?: { entry?: string | undefined; where: string; text: string }[];

  private async current(kind: 'csv' | 'json'): Promise<CurrentContent> {
    const collections = kind === 'csv' ? (['organisations'] as const) : CONTENT_COLLECTIONS;
    const lists = await Promise.all(collections.map((c) => this.api.list(c)));
    return Object.fromEntries(collections.map((c, i) => [c, lists[i]])) as CurrentContent;
  }

  private async choose(event: Event): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    this.plan = undefined;
    this.failed = '';
    this.refused = undefined;
    if (!file) return;
    this.fileName = file.name;
    try {
      this.info ??= await this.api.datasetInfo();
      const text = await file.text();
      const json = looksLikeJson(file.name, text);
      const current = await this.current(json ? 'json' : 'csv');
      this.plan = json ? planJson(text, current) : planCsv(text, current, this.info.defaultLanguage);
      await this.updateComplete;
      this.querySelector<HTMLElement>('#preview-title')?.focus();
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  /** Publishes the plan's writes as one version, or none of them: a refusal names every problem, each at its entry. */
  private async publish(): Promise<void> {
    const plan = this.plan;
    if (!plan) return;
    const i = this.m.importExport;
    this.busy = true;
    this.refused = undefined;
    this.failed = '';
    this.progress = i.publishing;
    try {
      await this.api.importWrites(plan.writes.map((w) => ({ op: w.kind === 'add' ? 'create' : 'replace', collection: w.collection, value: w.value, ...(w.etag !== undefined && { etag: w.etag }) })));
      this.plan = undefined;
      this.announce(i.published(plan.writes.length));
    } catch (error) {
      if (error instanceof ImportRefusedError) {
        this.refused = error.problems.map((p) => {
          const write = p.write === undefined ? undefined : plan.writes[p.write];
          const text = refusalText(p, this.m, 'import');
          return { entry: write && `${entryName(write.value)} (${this.m.singular[write.collection]})`, where: p.path, text };
        });
        this.failed = i.refused(error.problems.length);
      } else this.failed = errorText(error, this.m);
      await this.updateComplete;
      this.querySelector<HTMLElement>('#import-failed')?.focus();
    } finally {
      this.progress = '';
      this.busy = false;
    }
  }

  private download(name: string, type: string, text: string): void {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.hidden = true;
    this.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async downloadJson(): Promise<void> {
    try {
      this.download('samverkan-dataset.json', 'application/json', await this.api.publishedDataset());
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  private async downloadCsv(): Promise<void> {
    try {
      this.info ??= await this.api.datasetInfo();
      const list = (await this.api.list('organisations')) as Versioned<Organisation>[];
      this.download('samverkan-organisationer.csv', 'text/csv', organisationsToCsv(list.map((e) => e.value), { defaultLanguage: this.info.defaultLanguage }));
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  protected override render() {
    const i = this.m.importExport;
    return html`<h1 tabindex="-1">${i.title}</h1>
      ${this.failed ? html`<p role="alert" class="field-error" id="import-failed" tabindex="-1">${this.failed}</p>` : nothing}
      ${this.refused
        ? html`<h2 id="refused-title">${i.refusedTitle}</h2>
            <ul class="refused" aria-labelledby="refused-title">
              ${this.refused.map((r) => html`<li>${r.entry ? html`<bdi>${r.entry}</bdi>${r.where ? html` <span class="hint">(<bdi>${r.where}</bdi>)</span>` : nothing}: ` : r.where ? html`<bdi>${r.where}</bdi>: ` : nothing}${r.text}</li>`)}
            </ul>`
        : nothing}
      <section aria-labelledby="import-title">
        <h2 id="import-title">${i.importTitle}</h2>
        <p>${i.importIntro}</p>
        <div class="field">
          <label for="import-file">${i.file}</label>
          <span class="hint" id="import-file-hint">${i.fileHint}</span>
          <input id="import-file" type="file" accept=".json,.csv,application/json,text/csv" aria-describedby="import-file-hint" @change=${this.choose} />
        </div>
        ${this.plan ? this.renderPlan(this.plan) : nothing}
        ${this.progress ? html`<p role="status">${this.progress}</p>` : nothing}
      </section>
      <section aria-labelledby="export-title">
        <h2 id="export-title">${i.exportTitle}</h2>
        <p>${i.exportIntro}</p>
        <div class="actions">
          <button type="button" class="secondary download-json" @click=${this.downloadJson}>${i.downloadJson}</button>
          <button type="button" class="secondary download-csv" @click=${this.downloadCsv}>${i.downloadCsv}</button>
        </div>
      </section>`;
  }

  private renderPlan(plan: ImportPlan) {
    const i = this.m.importExport;
    const adds = plan.writes.filter((w) => w.kind === 'add');
    const changes = plan.writes.filter((w) => w.kind === 'change');
    const name = entryName;
    return html`<div class="panel preview">
      <h3 id="preview-title" tabindex="-1">${i.preview(this.fileName)}</h3>
      <ul class="plan-summary">
        <li>${i.adds(adds.length)}</li>
        <li>${i.changes(changes.length)}</li>
        <li>${i.unchanged(plan.unchanged)}</li>
        ${plan.notInFile ? html`<li>${i.notInFile(plan.notInFile)}</li>` : nothing}
        ${plan.problems.length ? html`<li>${i.problemCount(plan.problems.length)}</li>` : nothing}
      </ul>
      ${plan.problems.length
        ? html`<h4>${i.problemsTitle}</h4>
            <ul class="problems">
              ${plan.problems.slice(0, 200).map((p) => html`<li>${this.where(p.where, plan.kind)}: <bdi>${p.message}</bdi></li>`)}
            </ul>`
        : nothing}
      ${adds.length ? html`<h4>${i.addsTitle}</h4><ul class="adds">${adds.slice(0, 100).map((w) => html`<li><bdi>${name(w.value)}</bdi> <span class="hint">(${this.m.singular[w.collection]})</span></li>`)}</ul>` : nothing}
      ${changes.length
        ? html`<h4>${i.changesTitle}</h4><ul class="changes">${changes.slice(0, 100).map((w) => html`<li><bdi>${name(w.value)}</bdi>: <bdi>${(w.fields ?? []).join(', ')}</bdi></li>`)}</ul>`
        : nothing}
      <div class="actions">
        <button type="button" class="publish" ?disabled=${this.busy || plan.writes.length === 0} @click=${this.publish}>${i.publish(plan.writes.length)}</button>
        <button type="button" class="secondary" @click=${() => (this.plan = undefined)}>${this.m.cancel}</button>
      </div>
    </div>`;
  }

  private where(where: string, kind: 'csv' | 'json'): string {
    if (kind === 'json') return where || this.m.importExport.wholeFile;
    const [line, column] = where.split('|');
    return column ? this.m.importExport.lineColumn(Number(line), column) : this.m.importExport.line(Number(line));
  }
}
