import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { AuditEntry, EntityChange, VersionSummary } from '../api.js';
import { AdminChangedEvent, AdminView, errorText } from './admin-view.js';
import { formatDateTime } from './format.js';

/**
 * History: the published versions, newest first (who, when, what), what
 * changed in each (per entity, each field before and after), and restoring
 * one after a single confirmation. Below, the audit log, filterable by
 * person and by kind.
 */
export class AdminHistoryView extends AdminView {
  @state() private versions?: VersionSummary[];
  @state() private audit?: AuditEntry[];
  @state() private failed = '';
  @state() private open = new Map<number, EntityChange[] | 'loading'>();
  @state() private restoring?: VersionSummary;
  @state() private person = '';
  @state() private kind = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const [versions, audit] = await Promise.all([this.api.versions(), this.api.audit().catch(() => [] as AuditEntry[])]);
      this.versions = versions;
      this.audit = audit;
      this.failed = '';
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  private async toggle(version: number): Promise<void> {
    const next = new Map(this.open);
    if (next.has(version)) {
      next.delete(version);
      this.open = next;
      return;
    }
    next.set(version, 'loading');
    this.open = next;
    try {
      const changes = await this.api.versionChanges(version);
      this.open = new Map(this.open).set(version, changes);
    } catch (error) {
      this.failed = errorText(error, this.m);
      const without = new Map(this.open);
      without.delete(version);
      this.open = without;
    }
  }

  private async askRestore(version: VersionSummary): Promise<void> {
    this.restoring = version;
    await this.updateComplete;
    this.querySelector<HTMLDialogElement>('#restore-dialog')?.showModal();
  }

  private async restore(): Promise<void> {
    const version = this.restoring;
    this.querySelector<HTMLDialogElement>('#restore-dialog')?.close();
    if (!version) return;
    try {
      const made = await this.api.restore(version.version);
      this.announce(this.m.history.restored(version.version, made.version));
      // A version from before an import may have other languages or another time zone: the forms must follow.
      this.dispatchEvent(new AdminChangedEvent({ dataset: true }));
      await this.load();
      // The rows moved down by one (the new version is on top): the button focus
      // came back to now restores another version. The list's heading instead.
      await this.updateComplete;
      this.querySelector<HTMLElement>('#versions-title')?.focus();
    } catch (error) {
      // A refused restore says what the version holds and what to do (not the editor's "remove the signature first").
      this.failed = errorText(error, this.m, 'restore');
    }
  }

  protected override render() {
    const h = this.m.history;
    return html`<h1 tabindex="-1">${h.title}</h1>
      <p>${h.intro}</p>
      ${this.failed && !this.versions ? this.renderLoadFailed(this.failed, () => this.load()) : nothing}
      ${this.failed && this.versions ? html`<p role="alert" class="field-error">${this.failed}</p>` : nothing}
      <section aria-labelledby="versions-title">
        <h2 id="versions-title" tabindex="-1">${h.versions}</h2>
        ${this.versions ? this.renderVersions(this.versions) : this.failed ? nothing : html`<p role="status">${this.m.loading}</p>`}
      </section>
      <section aria-labelledby="audit-title">
        <h2 id="audit-title">${h.audit}</h2>
        ${this.audit ? this.renderAudit(this.audit) : nothing}
      </section>
      <dialog id="restore-dialog" aria-labelledby="restore-title" aria-describedby="restore-what">
        <h2 id="restore-title">${this.restoring ? h.restoreConfirm(this.restoring.version) : ''}</h2>
        <p id="restore-what">${h.restoreWhat}</p>
        <div class="actions">
          <button type="button" class="confirm-restore" @click=${this.restore}>${h.restoreYes}</button>
          <button type="button" class="secondary" @click=${() => this.querySelector<HTMLDialogElement>('#restore-dialog')?.close()}>${this.m.cancel}</button>
        </div>
      </dialog>`;
  }

  private renderVersions(versions: VersionSummary[]) {
    const h = this.m.history;
    const newest = versions[0]?.version;
    return html`<ol class="rows versions" reversed>
      ${versions.map((v) => {
        const opened = this.open.get(v.version);
        return html`<li class="row" data-version=${v.version}>
          <span class="grow">
            <strong>${h.version(v.version)}</strong> · <time datetime=${v.at}>${formatDateTime(v.at, this.m.lang)}</time> · <bdi>${v.by}</bdi><br />
            <bdi>${v.summary}</bdi>
          </span>
          <button type="button" class="secondary show-changes" aria-expanded=${opened ? 'true' : 'false'} aria-controls="changes-${v.version}" @click=${() => this.toggle(v.version)}>${h.showChanges(v.version)}</button>
          ${v.version !== newest ? html`<button type="button" class="restore" @click=${() => this.askRestore(v)}>${h.restore(v.version)}</button>` : html`<span class="status-tag">${h.current}</span>`}
          <div id="changes-${v.version}" class="changes" ?hidden=${!opened}>${opened === 'loading' ? html`<p role="status">${this.m.loading}</p>` : opened ? this.renderChanges(opened) : nothing}</div>
        </li>`;
      })}
    </ol>`;
  }

  private renderChanges(changes: EntityChange[]) {
    const h = this.m.history;
    if (changes.length === 0) return html`<p>${h.noChanges}</p>`;
    const show = (value: unknown) => (value === undefined ? '–' : typeof value === 'string' ? value : JSON.stringify(value));
    return html`${changes.map(
      (c) => html`<div class="change">
        <h3><bdi>${c.collection}${c.id ? `/${c.id}` : ''}</bdi>: ${h.kinds[c.change]}</h3>
        <div class="table-wrap" tabindex="0" role="region" aria-label=${`${c.collection}${c.id ? `/${c.id}` : ''}`}>
          <table>
            <thead><tr><th scope="col">${this.m.content.field}</th><th scope="col">${h.before}</th><th scope="col">${h.after}</th></tr></thead>
            <tbody>
              ${c.fields.map((f) => html`<tr><th scope="row"><bdi>${f.path || h.whole}</bdi></th><td><bdi>${show(f.before)}</bdi></td><td><bdi>${show(f.after)}</bdi></td></tr>`)}
            </tbody>
          </table>
        </div>
      </div>`,
    )}`;
  }

  private renderAudit(entries: AuditEntry[]) {
    const h = this.m.history;
    const people = [...new Set(entries.map((e) => e.by))].sort();
    const kinds = [...new Set(entries.map((e) => e.action))].sort();
    const shown = entries.filter((e) => (!this.person || e.by === this.person) && (!this.kind || e.action === this.kind));
    return html`<div class="toolbar">
        <div class="field">
          <label for="audit-person">${h.person}</label>
          <select id="audit-person" @change=${(e: Event) => (this.person = (e.target as HTMLSelectElement).value)}>
            <option value="">${h.everyone}</option>
            ${people.map((p) => html`<option value=${p} ?selected=${p === this.person}>${p}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="audit-kind">${h.kind}</label>
          <select id="audit-kind" @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value)}>
            <option value="">${h.allKinds}</option>
            ${kinds.map((k) => html`<option value=${k} ?selected=${k === this.kind}>${h.actions[k] ?? k}</option>`)}
          </select>
        </div>
      </div>
      <p role="status" id="audit-count">${h.auditCount(shown.length, entries.length)}</p>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${h.auditTable}>
        <table class="audit">
          <thead><tr><th scope="col">${h.when}</th><th scope="col">${h.person}</th><th scope="col">${h.kind}</th><th scope="col">${h.target}</th></tr></thead>
          <tbody>
            ${shown.slice(0, 200).map((e) => html`<tr><td><time datetime=${e.at}>${formatDateTime(e.at, this.m.lang)}</time></td><td><bdi>${e.by}</bdi></td><td>${h.actions[e.action] ?? e.action}</td><td><bdi>${e.target}</bdi></td></tr>`)}
          </tbody>
        </table>
      </div>`;
  }
}
