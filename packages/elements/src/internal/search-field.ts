import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

/**
 * The label, search input and hint of a list's search box, the same in every
 * element that searches (the caller supplies the wrapper and its role).
 * `onInput` is bound by Lit with the rendering element as `this`.
 */
export function searchFieldContent(label: string, hint: string, query: string, onInput: (event: Event) => void): TemplateResult {
  return html`<label for="search">${label}</label>
    <input
      id="search"
      part="search-input"
      type="search"
      autocomplete="off"
      aria-describedby="search-hint"
      .value=${live(query)}
      @input=${onInput}
    />
    <p id="search-hint" class="hint">${hint}</p>`;
}
