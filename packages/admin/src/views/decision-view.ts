import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminChangedEvent, AdminView, errorText } from './admin-view.js';
import type { DecisionAction, DecisionKind } from './decision-kind.js';
import type { Decision } from './decision-list.js';
import { formatDateTime } from './format.js';

/** A row of facts: a label and a value (text is isolated for direction; a template is shown as it is). */
export type Fact = [string, string | TemplateResult | undefined];

/**
 * One thing to decide (an application, an offered opportunity): its facts,
 * what was sent split into what approving publishes and what stays private,
 * and the decisions (approve; reject with an optional reason; erase what was
 * sent, for admins, after a confirmation that says what stays). A
 * subclass gives its kind (decision-kind.ts) and the two panels' facts.
 */
export abstract class AdminDecisionView<T extends Decision> extends AdminView {
  @property() itemId = '';
  @state() protected item?: T;
  @state() private failed = '';
  @state() private rejecting = false;
  @state() private busy = false;

  protected abstract readonly kind: DecisionKind<T>;
  private get words() {
    return this.kind.words(this.m);
  }
  /** The facts that approving publishes. */
  protected abstract publishedFacts(item: T): Fact[];
  /** The facts that stay private. */
  protected abstract privateFacts(item: T): Fact[];
  /** More facts about the decision (what an approval published). */
  protected extraFacts(_item: T): TemplateResult | typeof nothing {
    return nothing;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  protected async load(): Promise<void> {
    this.failed = '';
    try {
      const all = await this.kind.list(this.api);
      this.item = all.find((a) => a.id === this.itemId);
      if (!this.item) this.failed = this.m.notFound;
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  private async decide(action: DecisionAction, message: string, reason?: string): Promise<void> {
    if (!this.item) return;
    this.busy = true;
    this.failed = '';
    try {
      this.item = await this.kind.decide(this.api, action, this.item, reason);
      this.rejecting = false;
      this.announce(message);
      this.dispatchEvent(new AdminChangedEvent());
      await this.updateComplete;
      this.querySelector<HTMLElement>('h1')?.focus();
    } catch (error) {
      this.failed = errorText(error, this.m);
    } finally {
      this.busy = false;
    }
  }

  private approve() {
    return this.decide('approve', this.words.approved);
  }

  private async openReject(): Promise<void> {
    this.rejecting = true;
    await this.updateComplete;
    // Into the form: its reason field, or (erased: no reason is kept) its button, which the note beside it describes.
    (this.querySelector<HTMLElement>('#reject-reason') ?? this.querySelector<HTMLElement>('.reject-form button[type="submit"]'))?.focus();
  }

  private reject(event: SubmitEvent) {
    event.preventDefault();
    const reason = (this.querySelector<HTMLTextAreaElement>('#reject-reason')?.value ?? '').trim();
    return this.decide('reject', this.words.rejected, reason || undefined);
  }

  private openErase(): void {
    this.querySelector<HTMLDialogElement>('#erase-dialog')?.showModal();
  }

  private erase() {
    this.querySelector<HTMLDialogElement>('#erase-dialog')?.close();
    return this.decide('erase', this.words.erasedDone);
  }

  protected override render() {
    const a = this.words;
    const item = this.item;
    // One heading element throughout (focus stays on it when the item arrives).
    return html`<p><a href="#/${this.kind.route}">${a.back}</a></p>
      <h1 tabindex="-1">${item ? html`<bdi>${this.kind.name(item)}</bdi>` : a.title}</h1>
      ${item ? this.renderBody(item) : this.failed ? html`<p role="alert">${this.failed}</p>` : html`<p role="status">${this.m.loading}</p>`}`;
  }

  private renderBody(item: T) {
    const a = this.words;
    const isAdmin = this.user?.role === 'admin';
    const at = (iso: string) => html`<time datetime=${iso}>${formatDateTime(iso, this.m.lang)}</time>`;
    return html`
      ${this.failed ? html`<p role="alert" class="field-error">${this.failed}</p>` : nothing}
      <dl class="facts">
        <dt>${this.m.fields.status}</dt><dd><span class="status-tag">${a.status[item.status]}</span>${item.withdrawn ? html` <span class="status-tag withdrawn">${a.withdrawnTag}</span>` : nothing}${item.republished ? html` <span class="status-tag republished">${a.republishedTag}</span>` : nothing}</dd>
        <dt>${a.received}</dt><dd>${at(item.receivedAt)}</dd>
        ${item.decidedAt ? html`<dt>${a.decided}</dt><dd>${at(item.decidedAt)}</dd>` : nothing}
        ${item.reason ? html`<dt>${a.rejectReason}</dt><dd><bdi>${item.reason}</bdi></dd>` : nothing}
        ${item.reference ? html`<dt>${a.reference}</dt><dd><bdi>${item.reference}</bdi></dd>` : nothing}
        ${item.erasedAt ? html`<dt>${a.erased}</dt><dd>${at(item.erasedAt)}</dd>` : nothing}
        ${this.extraFacts(item)}
      </dl>
      ${this.kind.hasContent(item)
        ? html`<section aria-labelledby="wrote-title">
            <h2 id="wrote-title">${a.applicantWrote}</h2>
            <div class="columns">
              <div class="panel">
                <h3>${a.willPublish}</h3>
                ${this.facts(this.publishedFacts(item))}
              </div>
              <div class="panel">
                <h3>${a.staysPrivate}</h3>
                ${this.facts(this.privateFacts(item))}
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

  /**
   * Whether the server would take a rejection now: not of one rejected already (unless a restore published it again).
   * Once erased, only the rejection that withdraws what its approval publishes now is taken, and without a reason
   * (docs/server.md: a decision on an erased item stores nothing of it).
   */
  private rejectable(item: T): boolean {
    if (item.status === 'rejected' && !item.republished) return false;
    return !item.erasedAt || item.republished === true || (item.status === 'approved' && !item.withdrawn);
  }

  private renderActions(item: T, isAdmin: boolean) {
    const a = this.words;
    const canDecide = this.kind.hasContent(item);
    return html`<div class="actions">
        ${canDecide && item.status !== 'approved' && (this.kind.approvable?.(item) ?? true) ? html`<button type="button" class="approve" ?disabled=${this.busy} @click=${this.approve}>${a.approve}</button>` : nothing}
        ${this.rejectable(item) && !this.rejecting
          ? html`<button type="button" class="secondary reject" ?disabled=${this.busy} @click=${this.openReject}>${item.republished ? a.rejectAgain : a.reject}</button>`
          : nothing}
        ${isAdmin && canDecide ? html`<button type="button" class="danger erase" ?disabled=${this.busy} @click=${this.openErase}>${a.erase}</button>` : nothing}
      </div>
      ${this.rejecting
        ? html`<form class="stack panel reject-form" @submit=${this.reject}>
            ${item.erasedAt
              ? html`<p id="reject-erased">${a.rejectErased}</p>`
              : html`<div class="field">
                  <label for="reject-reason">${a.rejectReason}</label>
                  <textarea id="reject-reason" rows="3"></textarea>
                </div>`}
            <div class="actions">
              <button type="submit" class="danger" ?disabled=${this.busy} aria-describedby=${item.erasedAt ? 'reject-erased' : nothing}>${a.rejectConfirm}</button>
              <button type="button" class="secondary" @click=${() => (this.rejecting = false)}>${this.m.cancel}</button>
            </div>
          </form>`
        : nothing}`;
  }

  /**
   * Where an approval's entry is published: a link to it in the content
   * list, or, once it has been withdrawn (`withdrawn`, from the server), what
   * happened and the way back (a restore under History; `more`, another).
   * A rejection whose entry a restore brought back (`republished`, from the
   * server) links to it and says so, with the two ways to make the decision
   * and what is published agree (approve, or reject again).
   */
  protected publishedWhere(item: T, href: string, id: string, more?: TemplateResult) {
    const a = this.words;
    if (item.status === 'rejected') {
      return item.republished
        ? html`<dt>${a.republishedAs}</dt><dd><a href=${href}><bdi>${id}</bdi></a><p id="republished-note">${a.republished}</p></dd>`
        : nothing;
    }
    return html`<dt>${a.publishedAs}</dt><dd>${item.withdrawn
      ? html`<p id="published-gone">${a.publishedGone} ${a.wayBack} <a href="#/history">${this.m.nav.history}</a>${more ?? nothing}.</p>`
      : html`<a href=${href}><bdi>${id}</bdi></a>`}</dd>`;
  }

  /** A list of facts; an empty value shows as "none", text is isolated for direction (never HTML). */
  protected facts(rows: Fact[]) {
    return html`<dl class="facts">
      ${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value === undefined || value === '' ? this.words.none : typeof value === 'string' ? html`<bdi>${value}</bdi>` : value}</dd>`)}
    </dl>`;
  }
}
