import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { safeHttpUrl } from '@samverkan/elements/utils/safe-url.js';
import type { Application } from '../api.js';
import { AdminChangedEvent, AdminView, errorText } from './admin-view.js';
import { applicationName } from './application-list.js';
import { formatDateTime } from './format.js';

/**
 * One application: everything the applicant wrote, what approving it will
 * publish and what stays private, and the decisions (approve; reject with an
 * optional reason; erase the personal data, for admins, after a confirmation
 * that says what stays).
 */
export class AdminApplicationView extends AdminView {
  @property() applicationId = '';
  @state() private item?: Application;
  @state() private failed = '';
  @state() private rejecting = false;
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.failed = '';
    try {
      const all = await this.api.applications();
      this.item = all.find((a) => a.id === this.applicationId);
      if (!this.item) this.failed = this.m.notFound;
    } catch (error) {
      this.failed = errorText(error);
    }
  }

  private async decide(action: () => Promise<Application>, message: string): Promise<void> {
    this.busy = true;
    this.failed = '';
    try {
      this.item = await action();
      this.rejecting = false;
      this.announce(message);
      this.dispatchEvent(new AdminChangedEvent());
      await this.updateComplete;
      this.querySelector<HTMLElement>('h1')?.focus();
    } catch (error) {
      this.failed = errorText(error);
    } finally {
      this.busy = false;
    }
  }

  private approve() {
    return this.decide(() => this.api.approve(this.applicationId), this.m.applications.approved);
  }

  private async openReject(): Promise<void> {
    this.rejecting = true;
    await this.updateComplete;
    this.querySelector<HTMLTextAreaElement>('#reject-reason')?.focus();
  }

  private reject(event: SubmitEvent) {
    event.preventDefault();
    const reason = (this.querySelector<HTMLTextAreaElement>('#reject-reason')?.value ?? '').trim();
    return this.decide(() => this.api.reject(this.applicationId, reason || undefined), this.m.applications.rejected);
  }

  private openErase(): void {
    this.querySelector<HTMLDialogElement>('#erase-dialog')?.showModal();
  }

  private erase() {
    this.querySelector<HTMLDialogElement>('#erase-dialog')?.close();
    return this.decide(() => this.api.erase(this.applicationId), this.m.applications.erasedDone);
  }

  protected override render() {
    const a = this.m.applications;
    const back = html`<p><a href="#/applications">${a.back}</a></p>`;
    const item = this.item;
    // One heading element throughout (focus stays on it when the application arrives).
    return html`${back}
      <h1 tabindex="-1">${item ? html`<bdi>${applicationName(item)}</bdi>` : a.title}</h1>
      ${item ? this.renderBody(item) : this.failed ? html`<p role="alert">${this.failed}</p>` : html`<p role="status">${this.m.loading}</p>`}`;
  }

  private renderBody(item: Application) {
    const a = this.m.applications;
    const app = item.application;
    const isAdmin = this.user?.role === 'admin';
    return html`
      ${this.failed ? html`<p role="alert" class="field-error">${this.failed}</p>` : nothing}
      <dl class="facts">
        <dt>${this.m.fields.status}</dt><dd><span class="status-tag">${a.status[item.status]}</span></dd>
        <dt>${a.received}</dt><dd><time datetime=${item.receivedAt}>${formatDateTime(item.receivedAt, this.m.lang)}</time></dd>
        ${item.decidedAt ? html`<dt>${a.decided}</dt><dd><time datetime=${item.decidedAt}>${formatDateTime(item.decidedAt, this.m.lang)}</time></dd>` : nothing}
        ${item.reason ? html`<dt>${a.rejectReason}</dt><dd><bdi>${item.reason}</bdi></dd>` : nothing}
        ${item.reference ? html`<dt>${a.reference}</dt><dd><bdi>${item.reference}</bdi></dd>` : nothing}
        ${item.erasedAt ? html`<dt>${a.erased}</dt><dd><time datetime=${item.erasedAt}>${formatDateTime(item.erasedAt, this.m.lang)}</time></dd>` : nothing}
      </dl>
      ${app
        ? html`<section aria-labelledby="wrote-title">
              <h2 id="wrote-title">${a.applicantWrote}</h2>
              <div class="columns">
                <div class="panel">
                  <h3>${a.willPublish}</h3>
                  ${this.facts(this.publishedFacts(item))}
                </div>
                <div class="panel">
                  <h3>${a.staysPrivate}</h3>
                  ${this.facts([
                    [`${a.contact}: ${this.m.fields.name}`, app.contact.name],
                    [`${a.contact}: ${this.m.fields.email}`, app.contact.email],
                    [`${a.contact}: ${this.m.fields.phone}`, app.contact.phone],
                    [a.message, app.message],
                  ])}
                </div>
              </div>
            </section>`
        : nothing}
      ${this.renderActions(item, isAdmin)}
      <dialog id="erase-dialog" aria-labelledby="erase-title" aria-describedby="erase-what">
        <h2 id="erase-title">${a.eraseTitle}</h2>
        <p id="erase-what">${a.eraseWhat}</p>
        <div class="actions">
          <button type="button" class="danger confirm-erase" @click=${this.erase}>${a.eraseConfirm}</button>
          <button type="button" class="secondary" @click=${() => this.querySelector<HTMLDialogElement>('#erase-dialog')?.close()}>${this.m.cancel}</button>
        </div>
      </dialog>`;
  }

  private renderActions(item: Application, isAdmin: boolean) {
    const a = this.m.applications;
    const canDecide = Boolean(item.application);
    return html`<div class="actions">
        ${canDecide && item.status !== 'approved' ? html`<button type="button" class="approve" ?disabled=${this.busy} @click=${this.approve}>${a.approve}</button>` : nothing}
        ${item.status !== 'rejected' && !this.rejecting ? html`<button type="button" class="secondary reject" ?disabled=${this.busy} @click=${this.openReject}>${a.reject}</button>` : nothing}
        ${isAdmin && canDecide ? html`<button type="button" class="danger erase" ?disabled=${this.busy} @click=${this.openErase}>${a.erase}</button>` : nothing}
      </div>
      ${this.rejecting
        ? html`<form class="stack panel reject-form" @submit=${this.reject}>
            <div class="field">
              <label for="reject-reason">${a.rejectReason}</label>
              <textarea id="reject-reason" rows="3"></textarea>
            </div>
            <div class="actions">
              <button type="submit" class="danger" ?disabled=${this.busy}>${a.rejectConfirm}</button>
              <button type="button" class="secondary" @click=${() => (this.rejecting = false)}>${this.m.cancel}</button>
            </div>
          </form>`
        : nothing}`;
  }

  /** The organisation facts a signatory made from this application shows (the server's signatory rule). */
  private publishedFacts(item: Application): [string, string | TemplateResult | undefined][] {
    const f = this.m.fields;
    const o = item.application!.organisation;
    const website = o.website ? safeHttpUrl(o.website) : undefined;
    return [
      [f.name, o.name],
      [f.organisationNumber, o.organisationNumber],
      [f.form, this.m.forms[o.form] ?? o.form],
      [f.website, website ? html`<a href=${website} rel="noopener noreferrer" target="_blank"><bdi>${o.website}</bdi></a>` : o.website],
      [f.email, o.email],
      [f.phone, o.phone],
      [f.description, o.description],
      [f.districts, o.districts?.join(', ')],
      [f.activities, o.activities?.join(', ')],
      [f.language, item.language],
    ];
  }

  private facts(rows: [string, string | TemplateResult | undefined][]) {
    return html`<dl class="facts">
      ${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value === undefined || value === '' ? this.m.applications.none : typeof value === 'string' ? html`<bdi>${value}</bdi>` : value}</dd>`)}
    </dl>`;
  }
}
