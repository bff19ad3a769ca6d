import { html } from 'lit';
import { AdminView } from './admin-view.js';

/** A route that does not exist: says so and points at the menu. */
export class AdminNotFoundView extends AdminView {
  protected override render() {
    return html`<h1 tabindex="-1">${this.m.appTitle}</h1>
      <p role="alert">${this.m.notFound}</p>`;
  }
}
