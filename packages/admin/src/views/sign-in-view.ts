import { html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import type { SignInOptions, SignedInUser } from '../api.js';
import { AdminView } from './admin-view.js';
import { describedBy, errorSummary, fieldError, type Problem } from './error-summary.js';

/** The user signed in; the app takes it from here. */
export class AdminSignedInEvent extends Event {
  constructor(readonly user: SignedInUser) {
    super('admin-signed-in', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'admin-signed-in': AdminSignedInEvent;
  }
}

/**
 * Sign in with e-mail and password, or with the municipality's own account
 * when the server says OpenID Connect is set up. A failed sign-in says so in
 * the error summary and keeps the e-mail address typed.
 */
export class AdminSignInView extends AdminView {
  @state() private options: SignInOptions = { oidc: false };
  @state() private problems: Problem[] = [];
  @state() private busy = false;
  /** A sentence shown above the form (after signing out, or after choosing a password). */
  @state() notice = '';
  /** Why a sign-in with the municipality's account failed (`oidc-no-account`, `oidc-failed`), from the callback's redirect. */
  @state() error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.api.signInOptions().then(
      (options) => (this.options = options),
      () => (this.options = { oidc: false }),
    );
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const email = (form.elements.namedItem('email') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    const s = this.m.signIn;
    const problems: Problem[] = [];
    if (!email) problems.push({ fieldId: 'sign-in-email', text: s.emailRequired });
    if (!password) problems.push({ fieldId: 'sign-in-password', text: s.passwordRequired });
    if (problems.length === 0) {
      this.busy = true;
      try {
        const user = await this.api.signIn(email, password);
        this.problems = [];
        this.dispatchEvent(new AdminSignedInEvent(user));
        return;
      } catch {
        problems.push({ fieldId: 'sign-in-email', text: s.failed });
      } finally {
        this.busy = false;
      }
    }
    this.problems = problems;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#error-summary')?.focus();
  }

  protected override render() {
    const s = this.m.signIn;
    const p = this.problems;
    return html`<h1 tabindex="-1">${s.title}</h1>
      ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
      ${this.error ? html`<div class="error-summary" role="alert"><p>${this.error === 'oidc-no-account' ? s.oidcNoAccount : s.oidcFailed}</p></div>` : nothing}
      <p>${s.intro}</p>
      ${errorSummary(this.m, p, this)}
      <form class="stack" novalidate @submit=${this.submit}>
        <div class="field ${p.some((x) => x.fieldId === 'sign-in-email') ? 'invalid' : ''}">
          <label for="sign-in-email">${s.email}</label>
          ${fieldError(p, 'sign-in-email')}
          <input id="sign-in-email" name="email" type="email" autocomplete="username" spellcheck="false" aria-describedby=${describedBy(p, 'sign-in-email')} aria-invalid=${p.some((x) => x.fieldId === 'sign-in-email') ? 'true' : 'false'} />
        </div>
        <div class="field ${p.some((x) => x.fieldId === 'sign-in-password') ? 'invalid' : ''}">
          <label for="sign-in-password">${s.password}</label>
          ${fieldError(p, 'sign-in-password')}
          <input id="sign-in-password" name="password" type="password" autocomplete="current-password" aria-describedby=${describedBy(p, 'sign-in-password')} aria-invalid=${p.some((x) => x.fieldId === 'sign-in-password') ? 'true' : 'false'} />
        </div>
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${s.submit}</button></div>
      </form>
      ${this.options.oidc && this.options.oidcStartUrl
        ? html`<p>${s.or}</p>
            <p><a class="oidc" href=${this.options.oidcStartUrl}>${s.oidc}</a></p>`
        : nothing}`;
  }
}
