/**
 * The client of the admin API: sessions, users, the content collections and
 * the agreement, versions and restore, the audit log, the applications and
 * the offered volunteer opportunities.
 * The admin page uses it in the browser; scripts use it in Node with the
 * admin token. Answers are parsed with the wire schemas the server answers
 * with (`../wire/`), so both sides share one description of the API.
 */
import ky, { HTTPError as KyHttpError, TimeoutError as KyTimeoutError, type KyInstance } from 'ky';
import type * as z from 'zod/mini';
import { NetworkError, SamverkanError, TimeoutError, ValidationError } from '../errors.js';
import { toIssues } from '../issues.js';
import type {
  Agreement,
  AgreementSchema,
  Contact,
  ContactSchema,
  DevelopmentArea,
  DevelopmentAreaSchema,
  FollowUp,
  FollowUpSchema,
  Meeting,
  MeetingSchema,
  Opportunity,
  OpportunitySchema,
  Organisation,
  OrganisationSchema,
  Principle,
  PrincipleSchema,
} from '../schemas/dataset.js';
import {
  CSRF_HEADER,
  CreateUserResponseSchema,
  SessionSchema,
  SignInOptionsSchema,
  UserListSchema,
  UserSchema,
  type CreateUserRequest,
  type CreateUserResponse,
  type Session,
  type SignInOptions,
  type UpdateUserRequest,
  type User,
} from '../wire/accounts.js';
import {
  AuditListSchema,
  ContentBatchResultSchema,
  ContentListSchema,
  VersionChangesSchema,
  VersionListSchema,
  VersionSchema,
  WithheldListSchema,
  type AuditEntry,
  type ContentBatchResult,
  type ContentCollection,
  type ContentWrite,
  type Version,
  type VersionChanges,
  type VersionSummary,
  type WithheldOpportunity,
} from '../wire/content.js';
import { adminHttpError, isAuthenticationError } from './admin-errors.js';
import {
  AdminApplicationPageSchema,
  AdminApplicationSchema,
  AdminOfferPageSchema,
  AdminOfferSchema,
  RestoredVersionSchema,
  type AdminApplication,
  type AdminApplicationPage,
  type AdminOffer,
  type AdminOfferPage,
  type ApplicationStatus,
  type RestoredVersion,
} from './admin-wire.js';
import { SessionCookies } from './session-cookies.js';
import { joinUrl, resolveUrl } from './urls.js';

/** Options of {@link createAdminClient}. */
export interface AdminClientOptions {
  /** The API's base URL including its version path, e.g. `https://kommun.example/api/v1` (relative to the page in a browser). */
  apiUrl: string | URL;
  /** The `fetch` to use. Defaults to the global one. */
  fetch?: typeof fetch;
  /**
   * The server's admin token (`SAMVERKAN_ADMIN_TOKEN`), sent as
   * `Authorization: Bearer …`: acts as an admin, for automation. Without it,
   * sign in with {@link AdminClient.session}`.signIn`.
   */
  token?: string;
  /**
   * Whether a browser sends the session cookie: `same-origin` (the default;
   * the admin page is served by the API's own server) or `include` (an admin
   * page on another origin the server allows).
   */
  credentials?: RequestCredentials;
  /** Milliseconds each attempt may take. Default 15 000. */
  timeout?: number;
  /** How many times a failed read (GET) is tried again; writes are never repeated. Default 2. */
  retry?: number;
  /**
   * The language the server's messages (its refusals' `message`) should be
   * in, sent as `Accept-Language` with every request: a tag such as `sv` or
   * `en`, or a function read at each request (a page whose reader switches
   * language). Without it the platform's own header goes (a browser's
   * languages; Node's `*`, which the server answers in Swedish).
   */
  language?: string | (() => string | undefined);
}

/** An entity with the `ETag` to send back as `If-Match` when it is changed. */
export interface Versioned<T> {
  value: T;
  etag: string;
}

/** The entities of each content collection. */
export interface ContentEntities {
  organisations: Organisation;
  contacts: Contact;
  meetings: Meeting;
  principles: Principle;
  developmentAreas: DevelopmentArea;
  followUps: FollowUp;
  opportunities: Opportunity;
}

/** The entities of each collection as they may be written (lists and defaults may be left out). */
export interface ContentInputs {
  organisations: z.input<typeof OrganisationSchema>;
  contacts: z.input<typeof ContactSchema>;
  meetings: z.input<typeof MeetingSchema>;
  principles: z.input<typeof PrincipleSchema>;
  developmentAreas: z.input<typeof DevelopmentAreaSchema>;
  followUps: z.input<typeof FollowUpSchema>;
  opportunities: z.input<typeof OpportunitySchema>;
}

/** Options of a write that needs `If-Match`. */
export interface IfMatchOptions {
  /**
   * The ETag the change is based on. By default, the one this client last
   * got for the entity (from `list`, `get`, `create` or `replace`).
   */
  etag?: string;
}

/** Which applications {@link AdminClient.applications}`.list` gives. */
export interface ApplicationQuery {
  status?: ApplicationStatus;
  /** A reference as the applicant reads it (`k7qm 2x9c` works too). */
  reference?: string;
  /** At most this many (1–500; the server's default is 100). */
  limit?: number;
  /** Where to go on from: the `nextCursor` of the page before. */
  cursor?: string;
}

/** A page of the audit log. */
export interface AuditPage {
  entries: AuditEntry[];
  nextCursor?: string;
}

/** The admin client; see {@link createAdminClient}. */
export interface AdminClient {
  /** The absolute API base URL. */
  readonly apiUrl: string;
  readonly session: {
    /** The ways to sign in this server offers (password; OpenID Connect when set up). */
    options(): Promise<SignInOptions>;
    /** Signs in; the session cookie is kept (by the browser, or in memory in Node) and its CSRF token sent with every write. @throws {AuthenticationError} for a wrong e-mail or password. */
    signIn(email: string, password: string, options?: { lang?: string }): Promise<Session>;
    /** The session, or `undefined` when nobody is signed in. Also picks up the CSRF token of a session the browser already has. */
    get(): Promise<Session | undefined>;
    /** Signs out (the session ends at the server too). */
    signOut(): Promise<void>;
    /** Chooses a password with the token of a one-time set-password link. */
    setPassword(token: string, password: string, options?: { lang?: string }): Promise<void>;
  };
  /** User accounts (admins only: an editor gets a {@link ForbiddenError}). */
  readonly users: {
    list(): Promise<User[]>;
    get(id: string): Promise<User>;
    /** Adds a person; the answer's `setPasswordUrl` is a one-time link (72 hours) to give them. */
    create(user: CreateUserRequest): Promise<CreateUserResponse>;
    update(id: string, change: UpdateUserRequest): Promise<User>;
    remove(id: string): Promise<void>;
  };
  /** The content collections (editor or admin). */
  readonly content: {
    list<C extends ContentCollection>(collection: C): Promise<Versioned<ContentEntities[C]>[]>;
    get<C extends ContentCollection>(collection: C, id: string): Promise<Versioned<ContentEntities[C]>>;
    /** Adds an entity (an id is made from its name or title when it has none) and publishes the dataset. */
    create<C extends ContentCollection>(collection: C, value: Omit<ContentInputs[C], 'id'> & { id?: string }): Promise<Versioned<ContentEntities[C]>>;
    /** Replaces an entity. @throws {PreconditionFailedError} with the entity as it is now when someone changed it meanwhile. */
    replace<C extends ContentCollection>(collection: C, id: string, value: ContentInputs[C], options?: IfMatchOptions): Promise<Versioned<ContentEntities[C]>>;
    remove(collection: ContentCollection, id: string, options?: IfMatchOptions): Promise<void>;
    /**
     * Publishes many writes as one version, or none of them
     * (`POST /api/v1/admin/changes`): judged on the dataset they make
     * together. A replace or delete without `etag` sends the one this client
     * last got for the entity. @throws {HttpError} (`400`, `409` or `412`)
     * whose `issues` name every problem at its write (`writes[2].data.email`),
     * with `code` and `params` for refusals; nothing is stored then.
     */
    apply(writes: ContentWrite[], options?: { summary?: string }): Promise<ContentBatchResult>;
    /**
     * The opportunities the dataset holds and the server does not publish,
     * each with why (`GET /api/v1/admin/withheld`): only a dataset kept in a
     * file can hold them (an organisation listed without a signature); empty
     * otherwise.
     */
    withheld(): Promise<WithheldOpportunity[]>;
  };
  /** The agreement's own fields (editor or admin). */
  readonly agreement: {
    get(): Promise<Versioned<Agreement>>;
    replace(value: z.input<typeof AgreementSchema>, options?: IfMatchOptions): Promise<Versioned<Agreement>>;
  };
  /** The published versions (editor or admin). */
  readonly versions: {
    /** Newest first. */
    list(): Promise<VersionSummary[]>;
    get(version: number): Promise<Version>;
    /** What changed from the version before, per entity and field. */
    changes(version: number): Promise<VersionChanges>;
    /** Publishes a new version equal to `version`. */
    restore(version: number): Promise<RestoredVersion>;
  };
  /** The audit log, newest first (editor or admin). */
  readonly audit: {
    list(query?: { limit?: number; cursor?: string }): Promise<AuditPage>;
    /** Every entry, page after page (stop early with `break`). */
    all(query?: { pageSize?: number }): AsyncIterable<AuditEntry>;
  };
  /** Signup applications (editor or admin; erasing is for admins). */
  readonly applications: {
    list(query?: ApplicationQuery): Promise<AdminApplicationPage>;
    /** Every application that matches, page after page (stop early with `break`). */
    all(query?: Omit<ApplicationQuery, 'cursor'>): AsyncIterable<AdminApplication>;
    get(id: string): Promise<AdminApplication>;
    /** Adds the organisation to the dataset as a signatory and publishes it. */
    approve(id: string): Promise<AdminApplication>;
    reject(id: string, options?: { reason?: string }): Promise<AdminApplication>;
    /** Erases the applicant's personal data. */
    erase(id: string): Promise<AdminApplication>;
  };
  /** Offered volunteer opportunities (`POST /api/v1/opportunities`; editor or admin). The query is the applications'. */
  readonly opportunities: {
    list(query?: ApplicationQuery): Promise<AdminOfferPage>;
    /** Every offer that matches, page after page (stop early with `break`). */
    all(query?: Omit<ApplicationQuery, 'cursor'>): AsyncIterable<AdminOffer>;
    get(id: string): Promise<AdminOffer>;
    /** Publishes the opportunity in the dataset (a new version). */
    approve(id: string): Promise<AdminOffer>;
    /** Rejects it (and withdraws it when it was published); the reason is never published. */
    reject(id: string, options?: { reason?: string }): Promise<AdminOffer>;
    /** Erases the offer's content (its contact among it) and withdraws it. */
    erase(id: string): Promise<AdminOffer>;
  };
}

const DEFAULT_TIMEOUT = 15_000;
const DEFAULT_RETRY = 2;

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Call {
  method: Method;
  path: string;
  /** What the request does, for messages: "replacing organisations/hovsjo-if". */
  what: string;
  json?: unknown;
  searchParams?: Record<string, string | number | undefined>;
  ifMatch?: string | undefined;
}

const inBrowser = () => typeof (globalThis as { document?: unknown }).document !== 'undefined';

/**
 * Creates a client of the admin API.
 *
 * ```ts
 * // A script, with the admin token:
 * const admin = createAdminClient({ apiUrl: 'https://kommun.example/api/v1', token: process.env.SAMVERKAN_ADMIN_TOKEN });
 * const { applications } = await admin.applications.list({ status: 'pending' });
 *
 * // The admin page, with a session:
 * const admin = createAdminClient({ apiUrl: '/api/v1' });
 * await admin.session.signIn(email, password);
 * const [first] = await admin.content.list('organisations');
 * await admin.content.replace('organisations', first.value.id, { ...first.value, phone: '08-123 456 78' }); // If-Match sent for you
 * ```
 *
 * Failures are the SDK's errors: {@link AuthenticationError} (401),
 * {@link ForbiddenError} (403), {@link NotFoundError} (404),
 * {@link ConflictError} (409), {@link PreconditionFailedError} (412, with
 * the current entity and its ETag), {@link PreconditionRequiredError} (428),
 * else {@link HttpError} (with `issues` for a 400); {@link NetworkError} and
 * {@link TimeoutError} when there is no answer; {@link ValidationError} when
 * an answer does not have the shape the API promises.
 */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  const apiUrl = resolveUrl(options.apiUrl, 'apiUrl');
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const cookies = new SessionCookies(new URL(apiUrl).origin);
  const etags = new Map<string, string>();
  let csrfToken: string | undefined;

  const http: KyInstance = ky.create({
    timeout,
    // Thrown (so that ky retries a GET) only for the statuses worth another try; the rest are read below.
    throwHttpErrors: (status) => status === 408 || status === 429 || status >= 500,
    credentials: options.credentials ?? 'same-origin',
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // Only reads are repeated: a repeated write could apply twice, or meet its own new ETag (412).
    retry: { limit: options.retry ?? DEFAULT_RETRY, methods: ['get'], statusCodes: [408, 429, 500, 502, 503, 504] },
  });

  async function send(call: Call): Promise<Response> {
    const url = new URL(joinUrl(apiUrl, call.path));
    for (const [key, value] of Object.entries(call.searchParams ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
    const headers: Record<string, string> = { accept: 'application/json' };
    const language = typeof options.language === 'function' ? options.language() : options.language;
    if (language) headers['accept-language'] = language;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (call.method !== 'get' && csrfToken) headers[CSRF_HEADER.toLowerCase()] = csrfToken;
    if (call.ifMatch) headers['if-match'] = call.ifMatch;
    const cookie = inBrowser() ? undefined : cookies.header(url.href);
    if (cookie) headers.cookie = cookie;
    let response: Response;
    try {
      response = await http(url.href, { method: call.method, headers, ...(call.json !== undefined ? { json: call.json } : {}) });
    } catch (error) {
      if (error instanceof KyHttpError) throw await adminHttpError(error.response, url.href, call.what);
      throw transportError(error, url.href, call.what);
    }
    cookies.store(url.href, response);
    if (!response.ok) throw await adminHttpError(response, url.href, call.what);
    return response;
  }

  function transportError(error: unknown, url: string, what: string): unknown {
    if (error instanceof SamverkanError) return error;
    if ((error as { name?: unknown } | null)?.name === 'AbortError') return error;
    if (error instanceof KyTimeoutError) return new TimeoutError(`${capitalise(what)}: ${url} did not answer within ${timeout} ms. Try again later.`, { url, timeout });
    return new NetworkError(`${capitalise(what)}: could not reach ${url} (${(error as Error)?.message ?? String(error)}). Check the address and the connection; the server may be down.`, { url, cause: error });
  }

  async function json<S extends z.ZodMiniType>(call: Call, schema: S): Promise<{ data: z.output<S>; response: Response }> {
    const response = await send(call);
    const url = response.url || joinUrl(apiUrl, call.path);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new ValidationError(`The answer to ${call.what} (${url}) is not JSON.`, [{ path: '', segments: [], code: 'invalid-json', message: 'is not JSON' }]);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ValidationError(`The answer to ${call.what} (${url}) does not have the shape the admin API promises:`, toIssues(parsed.error.issues));
    return { data: parsed.data, response };
  }

  /** An entity answer: the body and the `ETag` header, remembered (under `key`) for the next write. */
  async function versioned<T>(call: Call, key?: string): Promise<Versioned<T>> {
    const response = await send(call);
    const etag = response.headers.get('etag');
    let value: T;
    try {
      value = (await response.json()) as T;
    } catch {
      throw new ValidationError(`The answer to ${call.what} is not JSON.`, [{ path: '', segments: [], code: 'invalid-json', message: 'is not JSON' }]);
    }
    if (!etag) throw new ValidationError(`The answer to ${call.what} has no ETag; the server must send one with every entity.`, [{ path: '', segments: [], code: 'missing-etag', message: 'has no ETag header' }]);
    if (key !== undefined) etags.set(key, etag);
    return { value, etag };
  }

  const keyOf = (collection: string, id: string) => `${collection}/${id}`;
  const path = (...segments: (string | number)[]) => segments.map((s) => encodeURIComponent(String(s))).join('/');
  const remember = (session: Session) => {
    csrfToken = session.csrfToken;
    return session;
  };

  async function* pages<T>(next: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | undefined }>): AsyncIterable<T> {
    let cursor: string | undefined;
    do {
      const page = await next(cursor);
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  const client: AdminClient = {
    apiUrl,

    session: {
      async options() {
        return (await json({ method: 'get', path: 'session/options', what: 'reading the ways to sign in' }, SignInOptionsSchema)).data;
      },
      async signIn(email, password, signInOptions = {}) {
        const body = { email, password, ...(signInOptions.lang && { lang: signInOptions.lang }) };
        return remember((await json({ method: 'post', path: 'session', what: 'signing in', json: body }, SessionSchema)).data);
      },
      async get() {
        try {
          return remember((await json({ method: 'get', path: 'session', what: 'reading the session' }, SessionSchema)).data);
        } catch (error) {
          if (isAuthenticationError(error)) {
            csrfToken = undefined;
            return undefined;
          }
          throw error;
        }
      },
      async signOut() {
        try {
          await send({ method: 'delete', path: 'session', what: 'signing out' });
        } finally {
          csrfToken = undefined;
          cookies.clear();
          etags.clear();
        }
      },
      async setPassword(token, password, setOptions = {}) {
        await send({ method: 'post', path: 'set-password', what: 'choosing a password', json: { token, password, ...(setOptions.lang && { lang: setOptions.lang }) } });
      },
    },

    users: {
      async list() {
        return (await json({ method: 'get', path: 'admin/users', what: 'listing the users' }, UserListSchema)).data;
      },
      async get(id) {
        return (await json({ method: 'get', path: path('admin', 'users', id), what: `reading user ${id}` }, UserSchema)).data;
      },
      async create(user) {
        return (await json({ method: 'post', path: 'admin/users', what: 'adding a user', json: user }, CreateUserResponseSchema)).data;
      },
      async update(id, change) {
        return (await json({ method: 'patch', path: path('admin', 'users', id), what: `changing user ${id}`, json: change }, UserSchema)).data;
      },
      async remove(id) {
        await send({ method: 'delete', path: path('admin', 'users', id), what: `removing user ${id}` });
      },
    },

    content: {
      async list(collection) {
        const { data } = await json({ method: 'get', path: path('admin', collection), what: `listing ${collection}` }, ContentListSchema);
        return data.items.map((item) => {
          etags.set(keyOf(collection, item.id), item.etag);
          return { value: item.data as unknown as ContentEntities[typeof collection], etag: item.etag };
        });
      },
      async get(collection, id) {
        return versioned({ method: 'get', path: path('admin', collection, id), what: `reading ${collection}/${id}` }, keyOf(collection, id));
      },
      async create(collection, value) {
        const created = await versioned<ContentEntities[typeof collection]>({ method: 'post', path: path('admin', collection), what: `adding to ${collection}`, json: value });
        etags.set(keyOf(collection, created.value.id), created.etag);
        return created;
      },
      async replace(collection, id, value, writeOptions = {}) {
        const key = keyOf(collection, id);
        return versioned({ method: 'put', path: path('admin', collection, id), what: `replacing ${key}`, json: value, ifMatch: writeOptions.etag ?? etags.get(key) }, key);
      },
      async remove(collection, id, writeOptions = {}) {
        const key = keyOf(collection, id);
        await send({ method: 'delete', path: path('admin', collection, id), what: `deleting ${key}`, ifMatch: writeOptions.etag ?? etags.get(key) });
        etags.delete(key);
      },
      async apply(writes, applyOptions = {}) {
        const sent = writes.map((w) => (w.op === 'create' || w.etag !== undefined || w.id === undefined ? w : { ...w, etag: etags.get(keyOf(w.collection, w.id)) }));
        const { data } = await json({ method: 'post', path: 'admin/changes', what: `publishing ${writes.length} changes`, json: { writes: sent, ...applyOptions } }, ContentBatchResultSchema);
        for (const item of data.items) {
          if (item.etag === undefined) etags.delete(keyOf(item.collection, item.id));
          else etags.set(keyOf(item.collection, item.id), item.etag);
        }
        return data;
      },
      async withheld() {
        return (await json({ method: 'get', path: 'admin/withheld', what: 'reading the withheld opportunities' }, WithheldListSchema)).data.opportunities;
      },
    },

    agreement: {
      async get() {
        return versioned({ method: 'get', path: 'admin/agreement', what: 'reading the agreement' }, 'agreement');
      },
      async replace(value, writeOptions = {}) {
        return versioned({ method: 'put', path: 'admin/agreement', what: 'replacing the agreement', json: value, ifMatch: writeOptions.etag ?? etags.get('agreement') }, 'agreement');
      },
    },

    versions: {
      async list() {
        return (await json({ method: 'get', path: 'admin/versions', what: 'listing the versions' }, VersionListSchema)).data.versions;
      },
      async get(version) {
        return (await json({ method: 'get', path: path('admin', 'versions', version), what: `reading version ${version}` }, VersionSchema)).data;
      },
      async changes(version) {
        return (await json({ method: 'get', path: path('admin', 'versions', version, 'changes'), what: `reading the changes of version ${version}` }, VersionChangesSchema)).data;
      },
      async restore(version) {
        const restored = (await json({ method: 'post', path: path('admin', 'versions', version, 'restore'), what: `restoring version ${version}` }, RestoredVersionSchema)).data;
        // Every entity may have changed: the ETags this client knew are no longer current.
        etags.clear();
        return restored;
      },
    },

    audit: {
      async list(query = {}) {
        const { data } = await json({ method: 'get', path: 'admin/audit', what: 'reading the audit log', searchParams: { limit: query.limit, cursor: query.cursor } }, AuditListSchema);
        return { entries: data.entries, ...(data.nextCursor !== undefined && { nextCursor: data.nextCursor }) };
      },
      all(query = {}) {
        return pages(async (cursor) => {
          const page = await client.audit.list({ ...(query.pageSize !== undefined && { limit: query.pageSize }), ...(cursor !== undefined && { cursor }) });
          return { items: page.entries, nextCursor: page.nextCursor };
        });
      },
    },

    applications: {
      async list(query = {}) {
        const searchParams = { status: query.status, reference: query.reference, limit: query.limit, cursor: query.cursor };
        return (await json({ method: 'get', path: 'signups', what: 'listing the applications', searchParams }, AdminApplicationPageSchema)).data;
      },
      all(query = {}) {
        return pages(async (cursor) => {
          const page = await client.applications.list({ ...query, ...(cursor !== undefined && { cursor }) });
          return { items: page.applications, nextCursor: page.nextCursor };
        });
      },
      async get(id) {
        return (await json({ method: 'get', path: path('signups', id), what: `reading application ${id}` }, AdminApplicationSchema)).data;
      },
      async approve(id) {
        return (await json({ method: 'post', path: path('signups', id, 'approve'), what: `approving application ${id}` }, AdminApplicationSchema)).data;
      },
      async reject(id, rejectOptions = {}) {
        const body = rejectOptions.reason !== undefined ? { reason: rejectOptions.reason } : {};
        return (await json({ method: 'post', path: path('signups', id, 'reject'), what: `rejecting application ${id}`, json: body }, AdminApplicationSchema)).data;
      },
      async erase(id) {
        return (await json({ method: 'post', path: path('signups', id, 'erase'), what: `erasing application ${id}` }, AdminApplicationSchema)).data;
      },
    },

    opportunities: {
      async list(query = {}) {
        const searchParams = { status: query.status, reference: query.reference, limit: query.limit, cursor: query.cursor };
        return (await json({ method: 'get', path: 'opportunities', what: 'listing the offered opportunities', searchParams }, AdminOfferPageSchema)).data;
      },
      all(query = {}) {
        return pages(async (cursor) => {
          const page = await client.opportunities.list({ ...query, ...(cursor !== undefined && { cursor }) });
          return { items: page.offers, nextCursor: page.nextCursor };
        });
      },
      async get(id) {
        return (await json({ method: 'get', path: path('opportunities', id), what: `reading offered opportunity ${id}` }, AdminOfferSchema)).data;
      },
      async approve(id) {
        return (await json({ method: 'post', path: path('opportunities', id, 'approve'), what: `approving offered opportunity ${id}` }, AdminOfferSchema)).data;
      },
      async reject(id, rejectOptions = {}) {
        const body = rejectOptions.reason !== undefined ? { reason: rejectOptions.reason } : {};
        return (await json({ method: 'post', path: path('opportunities', id, 'reject'), what: `rejecting offered opportunity ${id}`, json: body }, AdminOfferSchema)).data;
      },
      async erase(id) {
        return (await json({ method: 'post', path: path('opportunities', id, 'erase'), what: `erasing offered opportunity ${id}` }, AdminOfferSchema)).data;
      },
    },
  };
  return client;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
