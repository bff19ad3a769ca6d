import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { Role, UserAccount } from '../api.js';
import { AdminView, errorText } from './admin-view.js';
import { errorSummary, fieldError, type Problem } from './error-summary.js';

const ROLES: Role[] = ['editor', 'admin'];

/**
 * The people who can sign in (admins only): invite someone (the page shows
 * the one-time link to pass on, since the server may send no e-mail),
 * change a role, remove someone after a confirmation.
 */
export class AdminUsersView extends AdminView {
  @state() private users?: UserAccount[];
  @state() private failed = '';
  @state() private problems: Problem[] = [];
  @state() private link?: { name: string; url: string };
  @state() private removing?: UserAccount;
  @state() private busy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.users = await this.api.users();
      this.failed = '';
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  private async invite(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const u = this.m.users;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const email = value('email');
    const name = value('name');
    const role = value('role') as Role;
    const problems: Problem[] = [];
    if (!name) problems.push({ fieldId: 'invite-name', text: u.nameRequired });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ fieldId: 'invite-email', text: u.emailInvalid });
    if (problems.length === 0) {
      this.busy = true;
      try {
        const { setPasswordUrl } = await this.api.invite({ email, name, role });
        this.link = { name, url: setPasswordUrl };
        form.reset();
        this.announce(u.invited(name));
        await this.load();
      } catch (error) {
        problems.push({ fieldId: 'invite-email', text: errorText(error, this.m) });
      } finally {
        this.busy = false;
      }
    }
    this.problems = problems;
    await this.updateComplete;
    if (problems.length) this.querySelector<HTMLElement>('#error-summary')?.focus();
    else this.querySelector<HTMLElement>('#invite-link')?.focus();
  }

  private async changeRole(user: UserAccount, role: Role): Promise<void> {
    try {
      await this.api.changeRole(user.id, role);
      this.announce(this.m.users.roleChanged(user.name, this.m.roles[role] ?? role));
      await this.load();
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  private async confirmRemove(): Promise<void> {
    const user = this.removing;
    this.querySelector<HTMLDialogElement>('#remove-dialog')?.close();
    if (!user) return;
    try {
      await this.api.removeUser(user.id);
      this.announce(this.m.users.removed(user.name));
      await this.load();
      // The button focus came back to is gone with the row: the list's heading instead.
      await this.updateComplete;
      this.querySelector<HTMLElement>('#users-list-title')?.focus();
    } catch (error) {
      this.failed = errorText(error, this.m);
    }
  }

  private async askRemove(user: UserAccount): Promise<void> {
    this.removing = user;
    await this.updateComplete;
    this.querySelector<HTMLDialogElement>('#remove-dialog')?.showModal();
  }

  private async copy(): Promise<void> {
    if (!this.link) return;
    try {
      await navigator.clipboard.writeText(this.link.url);
      this.announce(this.m.users.copied);
    } catch {
      // No clipboard (permission): the link is selectable text.
      this.querySelector<HTMLInputElement>('#invite-link')?.select();
    }
  }

  protected override render() {
    const u = this.m.users;
    return html`<h1 tabindex="-1">${u.title}</h1>
      ${this.failed && !this.users ? this.renderLoadFailed(this.failed, () => this.load()) : nothing}
      ${this.failed && this.users ? html`<p role="alert" class="field-error">${this.failed}</p>` : nothing}
      <section aria-labelledby="users-list-title">
        <h2 id="users-list-title" tabindex="-1">${u.listTitle}</h2>
        ${this.users ? this.renderUsers(this.users) : this.failed ? nothing : html`<p role="status">${this.m.loading}</p>`}
      </section>
      <section aria-labelledby="invite-title">
        <h2 id="invite-title">${u.inviteTitle}</h2>
        <p>${u.inviteIntro}</p>
        ${errorSummary(this.m, this.problems, this)}
        ${this.link
          ? html`<div class="panel" role="status">
              <p>${u.linkFor(this.link.name)}</p>
              <div class="field">
                <label for="invite-link">${u.link}</label>
                <input id="invite-link" readonly .value=${this.link.url} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
              </div>
              <p class="hint">${u.linkHint}</p>
              <button type="button" class="secondary" @click=${this.copy}>${u.copy}</button>
            </div>`
          : nothing}
        <form class="stack" novalidate @submit=${this.invite}>
          <div class="field ${this.problems.some((p) => p.fieldId === 'invite-name') ? 'invalid' : ''}">
            <label for="invite-name">${this.m.fields.name}</label>
            ${fieldError(this.problems, 'invite-name')}
            <input id="invite-name" name="name" autocomplete="off" />
          </div>
          <div class="field ${this.problems.some((p) => p.fieldId === 'invite-email') ? 'invalid' : ''}">
            <label for="invite-email">${this.m.fields.email}</label>
            ${fieldError(this.problems, 'invite-email')}
            <input id="invite-email" name="email" type="email" autocomplete="off" spellcheck="false" />
          </div>
          <div class="field">
            <label for="invite-role">${u.role}</label>
            <select id="invite-role" name="role">
              ${ROLES.map((r) => html`<option value=${r}>${this.m.roles[r]}</option>`)}
            </select>
          </div>
          <div class="actions"><button type="submit" ?disabled=${this.busy}>${u.invite}</button></div>
        </form>
      </section>
      <dialog id="remove-dialog" aria-labelledby="remove-title">
        <h2 id="remove-title"><bdi>${this.removing ? u.removeConfirm(this.removing.name) : ''}</bdi></h2>
        <div class="actions">
          <button type="button" class="danger confirm-remove" @click=${this.confirmRemove}>${u.removeYes}</button>
          <button type="button" class="secondary" @click=${() => this.querySelector<HTMLDialogElement>('#remove-dialog')?.close()}>${this.m.cancel}</button>
        </div>
      </dialog>`;
  }

  private renderUsers(users: UserAccount[]) {
    const u = this.m.users;
    return html`<ul class="rows">
      ${users.map((user) => {
        const self = user.id === this.user?.id;
        const roleId = `role-${user.id}`;
        return html`<li class="row" data-id=${user.id}>
          <span class="grow"><bdi>${user.name}</bdi> <span class="hint"><bdi>${user.email}</bdi></span></span>
          <span class="field">
            <label for=${roleId}>${u.roleOf(user.name)}</label>
            <select id=${roleId} ?disabled=${self} @change=${(e: Event) => this.changeRole(user, (e.target as HTMLSelectElement).value as Role)}>
              ${ROLES.map((r) => html`<option value=${r} ?selected=${user.role === r}>${this.m.roles[r]}</option>`)}
            </select>
          </span>
          ${self ? html`<span class="hint">${u.you}</span>` : html`<button type="button" class="secondary remove" @click=${() => this.askRemove(user)}>${u.remove(user.name)}</button>`}
        </li>`;
      })}
    </ul>`;
  }
}
