import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isHttpError } from '@samverkan/sdk';
import { RefusedError, type AdminApi, type DatasetInfo, type SignedInUser } from '../api.js';
import type { Messages } from '../i18n/messages.js';
import sv from '../i18n/messages.js';
import type { Route } from '../router.js';
import { refusalText, type RefusedWrite } from './refusal-text.js';

/** Asks the app to say something in its live region (saves, decisions). */
export class AdminAnnounceEvent extends Event {
  constructor(readonly message: string) {
    super('admin-announce', { bubbles: true, composed: true });
  }
}

/** Asks the app to go to a route (after a save, or "back to the list"). */
export class AdminNavigateEvent extends Event {
  constructor(readonly route: Route) {
    super('admin-navigate', { bubbles: true, composed: true });
  }
}

/** Tells the app that something changed which it counts (the pending applications). */
export class AdminChangedEvent extends Event {
  /**
   * Whether the published dataset as a whole may have changed (a restore
   * from History): the app then reads its languages and time zone again, so
   * the forms do not go on with the ones from before.
   */
  readonly dataset: boolean;
  constructor(options: { dataset?: boolean } = {}) {
    super('admin-changed', { bubbles: true, composed: true });
    this.dataset = options.dataset ?? false;
  }
}

/** Tells the app that the view's heading now says something else (its entity has loaded), so the document title follows. */
export class AdminHeadingEvent extends Event {
  constructor() {
    super('admin-heading', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'admin-announce': AdminAnnounceEvent;
    'admin-navigate': AdminNavigateEvent;
    'admin-changed': AdminChangedEvent;
    'admin-heading': AdminHeadingEvent;
  }
}

/**
 * The base of every view. A view renders into its own light DOM, which lies
 * in the app's shadow root: the app's adopted style sheets reach it, and one
 * tree holds the landmarks, the headings and the live regions a screen reader
 * walks through. The app sets `api`, `m`, `user` and `info`.
 */
export class AdminView extends LitElement {
  @property({ attribute: false }) api!: AdminApi;
  @property({ attribute: false }) m: Messages = sv;
  @property({ attribute: false }) user?: SignedInUser;
  @property({ attribute: false }) info?: DatasetInfo;
  private headingText?: string;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // A form's heading names its entity only once the entity has arrived.
    const now = this.heading?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (this.headingText !== undefined && now !== this.headingText) this.dispatchEvent(new AdminHeadingEvent());
    this.headingText = now;
  }

  protected announce(message: string): void {
    this.dispatchEvent(new AdminAnnounceEvent(message));
  }

  protected navigate(route: Route): void {
    this.dispatchEvent(new AdminNavigateEvent(route));
  }

  /**
   * What a view shows instead of its content when the data could not be
   * fetched: what went wrong and "Try again". After trying, focus goes to
   * the heading (the button it was on is gone) and the content shows.
   */
  protected renderLoadFailed(message: string, load: () => Promise<void>): TemplateResult {
    const again = async () => {
      await load();
      await this.updateComplete;
      this.heading?.focus();
    };
    return html`<div class="panel" role="alert"><p>${this.m.loadFailed} ${message}</p><button type="button" class="try-again" @click=${again}>${this.m.tryAgain}</button></div>`;
  }

  /** The view's heading, which the app focuses after a route change. */
  get heading(): HTMLElement | null {
    return this.querySelector('h1');
  }
}

/**
 * The text of a failure, for a person: a refusal from the server (`409`) in
 * the reader's language (refusal-text.ts) when `m` is given; a write the
 * server rolled back (`500`, code `not-stored`: a decision and the version
 * that publishes it, say) as "nothing changed, try again" in that language,
 * not the SDK's generic words about a server problem; any other answer in
 * which the server said what is wrong (a `404` for an entry someone deleted
 * meanwhile, a `403`) in the server's own words, which are in the reader's
 * language (the page sends it as `Accept-Language`), not behind the SDK's
 * English "… failed (HTTP 404 Not Found):"; anything else by its message.
 */
export function errorText(error: unknown, m?: Messages, write?: RefusedWrite): string {
  if (m && error instanceof RefusedError) return error.refusals.map((r) => refusalText(r, m, write)).join(' ');
  if (m && nothingStored(error)) return m.notStored;
  const said = serverSaid(error);
  if (said) return said;
  return error instanceof Error ? error.message : String(error);
}

/** What the server said in an error answer (`{ errors: [{ message }] }`), its messages joined; `undefined` when it said nothing. */
function serverSaid(error: unknown): string | undefined {
  if (!isHttpError(error) || error.status >= 500) return undefined;
  const errors = (error.body as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return undefined;
  const messages = errors.map((e) => (e as { message?: unknown } | null)?.message).filter((message): message is string => typeof message === 'string' && message.trim() !== '');
  return messages.length ? messages.join(' ') : undefined;
}

/** Whether the server answered that the write failed and none of it is stored (server/src/http/errors.ts, NothingStored). */
function nothingStored(error: unknown): boolean {
  if (!isHttpError(error) || error.status !== 500) return false;
  const errors = (error.body as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) && errors.some((e) => (e as { code?: unknown } | null)?.code === 'not-stored');
}
