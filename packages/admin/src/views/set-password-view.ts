import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminView, errorText } from './admin-view.js';
import { describedBy, errorSummary, fieldError, type Problem } from './error-summary.js';

/** The least length of a password (the server checks the same; this only saves a round trip). */
const MIN_PASSWORD_LENGTH = 12;

/** Choosing a password from the one-time link an administrator passed on. */
export class AdminSetPasswordView extends AdminView {
  @property() token = '';
  @state() private problems: Problem[] = [];
  @state() private done = false;
  @state() private busy = false;

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    const repeat = (form.elements.namedItem('repeat') as HTMLInputElement).value;
    const s = this.m.setPassword;
    const problems: Problem[] = [];
    if (password.trim().length < MIN_PASSWORD_LENGTH) problems.push({ fieldId: 'new-password', text: s.tooShort });
    else if (password !== repeat) problems.push({ fieldId: 'repeat-password', text: s.mismatch });
    if (problems.length === 0) {
      this.busy = true;
      try {
        await this.api.setPassword(this.token, password);
        this.done = true;
        this.announce(s.done);
        return;
      } catch (error) {
        problems.push({ fieldId: 'new-password', text: errorText(error) });
      } finally {
        this.busy = false;
      }
    }
    this.problems = problems;
    await this.updateComplete;
    this.querySelector<HTMLElement>('#error-summary')?.focus();
  }

  protected override render() {
    const s = this.m.setPassword;
    const p = this.problems;
    if (!this.token) return html`<h1 tabindex="-1">${s.title}</h1><p role="alert">${s.missingToken}</p>`;
    if (this.done) return html`<h1 tabindex="-1">${s.title}</h1><p role="status">${s.done}</p><p><a href="#/sign-in">${this.m.signIn.title}</a></p>`;
    const invalid = (id: string) => p.some((x) => x.fieldId === id);
    return html`<h1 tabindex="-1">${s.title}</h1>
      <p id="password-rule">${s.intro}</p>
      ${errorSummary(this.m, p, this)}
      <form class="stack" novalidate @submit=${this.submit}>
        <div class="field ${invalid('new-password') ? 'invalid' : ''}">
          <label for="new-password">${s.password}</label>
          ${fieldError(p, 'new-password')}
          <input id="new-password" name="password" type="password" autocomplete="new-password" minlength=${MIN_PASSWORD_LENGTH} aria-describedby=${invalid('new-password') ? 'password-rule new-password-error' : 'password-rule'} aria-invalid=${invalid('new-password') ? 'true' : 'false'} />
        </div>
        <div class="field ${invalid('repeat-password') ? 'invalid' : ''}">
          <label for="repeat-password">${s.repeat}</label>
          ${fieldError(p, 'repeat-password')}
          <input id="repeat-password" name="repeat" type="password" autocomplete="new-password" aria-describedby=${describedBy(p, 'repeat-password')} aria-invalid=${invalid('repeat-password') ? 'true' : 'false'} />
        </div>
        <div class="actions"><button type="submit" ?disabled=${this.busy}>${s.submit}</button></div>
      </form>`;
  }
}
