/**
 * The admin page's operations (`AdminApi`) on the SDK's admin client
 * (`createAdminClient`) and its dataset client (`createClient`): no HTTP
 * here, only the mapping between what the views need and what the clients
 * give, and the errors the views act on (a `412` becomes a `ConflictError`
 * carrying the newer version; a `400` an `InvalidError` with the fields).
 */
import {
  createAdminClient,
  createClient,
  isHttpError,
  isPreconditionFailedError,
  type AdminApplication,
  type AdminOffer,
  type Opportunity,
  type OpportunityOffer,
  type AdminClient,
  type SamverkanClient,
  type SignupApplication,
} from '@samverkan/sdk';
import { ConflictError, ImportRefusedError, InvalidError, RefusedError, type AdminApi, type Application, type Offer, type CollectionName, type Collections, type Versioned } from './api.js';

/** Options of {@link createAdminApi}. */
export interface AdminApiOptions {
  /** The API's base URL, `/api/v1` when the page is served by the API's own server. */
  apiUrl?: string;
  /** The reader's language, for the server's messages (`sv` or `en`). */
  lang?: () => string;
  /** For tests: the clients to use. */
  client?: AdminClient;
  datasetClient?: SamverkanClient;
}

/** At most this many audit entries are shown (the newest). */
const AUDIT_LIMIT = 2000;

function toApplication(a: AdminApplication): Application {
  const { rejectReason, application, language, ...rest } = a;
  return {
    ...(rest as Omit<Application, 'application' | 'language' | 'reason'>),
    language: language ?? 'sv',
    ...(application && { application: application as unknown as SignupApplication }),
    ...(rejectReason !== undefined && { reason: rejectReason }),
  };
}

function toOffer(o: AdminOffer): Offer {
  const { rejectReason, offer, ...rest } = o;
  return {
    ...(rest as Omit<Offer, 'offer' | 'reason'>),
    ...(offer && { offer: offer as unknown as OpportunityOffer }),
    ...(rejectReason !== undefined && { reason: rejectReason }),
  };
}

/** Turns the client's failures into the ones the views act on; others pass as they are. */
async function mapped<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isPreconditionFailedError(error)) {
      throw new ConflictError(error.etag !== undefined && error.current !== undefined ? { value: error.current, etag: error.etag } : undefined, error.message);
    }
    if (isHttpError(error) && error.status === 400 && error.issues?.length) {
      throw new InvalidError(error.issues.map((i) => ({ path: i.path, message: i.message })));
    }
    // A refusal the page says in the reader's words (by its code), not behind the client's English "… failed (HTTP 409 Conflict):".
    if (isHttpError(error) && error.status === 409 && error.issues?.length) {
      throw new RefusedError(error.issues.map((i) => ({ ...(i.code !== 'rejected-by-server' && { code: i.code }), params: i.params ?? {}, message: i.message })));
    }
    throw error;
  }
}

/** The admin page's `AdminApi`, backed by the SDK's clients against `apiUrl`. */
export function createAdminApi(options: AdminApiOptions = {}): AdminApi {
  const apiUrl = options.apiUrl ?? '/api/v1';
  const lang = () => options.lang?.() ?? 'sv';
  // The server's messages in the reader's language (it says a refusal the page has no words of its own for as it is).
  const client = options.client ?? createAdminClient({ apiUrl, credentials: 'same-origin', language: lang });
  const datasetClient = options.datasetClient ?? createClient({ datasetUrl: `${apiUrl.replace(/\/+$/, '')}/dataset`, maxAge: 0 });
  const user = (u: { id: string; email: string; name: string; role: 'admin' | 'editor' }) => ({ id: u.id, email: u.email, name: u.name, role: u.role });

  return {
    async session() {
      const session = await client.session.get();
      return session ? user(session.user) : undefined;
    },
    async signInOptions() {
      const o = await client.session.options();
      return { oidc: o.oidc, ...(o.oidcStartUrl && { oidcStartUrl: o.oidcStartUrl }) };
    },
    async signIn(email, password) {
      return user((await client.session.signIn(email, password, { lang: lang() })).user);
    },
    signOut: () => client.session.signOut(),
    setPassword: (token, password) => client.session.setPassword(token, password, { lang: lang() }),

    async applications() {
      const out: Application[] = [];
      for await (const a of client.applications.all({ limit: 500 })) out.push(toApplication(a));
      return out;
    },
    approve: async (id) => toApplication(await mapped(() => client.applications.approve(id))),
    reject: async (id, reason) => toApplication(await mapped(() => client.applications.reject(id, reason ? { reason } : {}))),
    erase: async (id) => toApplication(await mapped(() => client.applications.erase(id))),

    async offers() {
      const out: Offer[] = [];
      for await (const o of client.opportunities.all({ limit: 500 })) out.push(toOffer(o));
      return out;
    },
    approveOffer: async (id) => toOffer(await mapped(() => client.opportunities.approve(id))),
    rejectOffer: async (id, reason) => toOffer(await mapped(() => client.opportunities.reject(id, reason ? { reason } : {}))),
    eraseOffer: async (id) => toOffer(await mapped(() => client.opportunities.erase(id))),

    async datasetInfo() {
      const { dataset } = await datasetClient.getDataset({ revalidate: true });
      return { defaultLanguage: dataset.defaultLanguage, languages: dataset.languages, timeZone: dataset.timeZone };
    },
    async publishedDataset() {
      const { dataset } = await datasetClient.getDataset({ revalidate: true });
      return `${JSON.stringify(dataset, null, 2)}\n`;
    },
    list: <C extends CollectionName>(collection: C) => mapped(() => client.content.list(collection) as unknown as Promise<Versioned<Collections[C]>[]>),
    get: <C extends CollectionName>(collection: C, id: string) =>
      mapped(async () => {
        try {
          return (await client.content.get(collection, id)) as unknown as Versioned<Collections[C]>;
        } catch (error) {
          if (isHttpError(error) && error.status === 404) return undefined;
          throw error;
        }
      }),
    create: <C extends CollectionName>(collection: C, value: Collections[C]) =>
      mapped(() => client.content.create(collection, value as never) as unknown as Promise<Versioned<Collections[C]>>),
    replace: <C extends CollectionName>(collection: C, id: string, value: Collections[C], etag: string) =>
      mapped(() => client.content.replace(collection, id, value as never, { etag }) as unknown as Promise<Versioned<Collections[C]>>),
    remove: (collection, id, etag) => mapped(() => client.content.remove(collection, id, { etag })),
    withheld: async () =>
      (await mapped(() => client.content.withheld())).map(({ data, ...rest }) => ({ ...rest, value: data as unknown as Opportunity })),
    async importWrites(writes) {
      try {
        const result = await client.content.apply(
          writes.map((w) => ({ op: w.op, collection: w.collection, data: w.value, ...(w.op === 'replace' && { id: String(w.value['id']), etag: w.etag }) })),
        );
        return { version: result.version };
      } catch (error) {
        // Every problem of the batch, each at its write: the page names the entry and says the refusal in the reader's words.
        if (isHttpError(error) && [400, 409, 412].includes(error.status) && error.issues?.length) {
          throw new ImportRefusedError(
            error.issues.map((i) => {
              const at = /^writes\[(\d+)\]\.?(?:data\.?)?(.*)$/.exec(i.path);
              return { ...(at && { write: Number(at[1]) }), path: at ? at[2]! : i.path, ...(i.code !== undefined && i.code !== 'rejected-by-server' && { code: i.code }), params: i.params ?? {}, message: i.message };
            }),
          );
        }
        throw error;
      }
    },
    agreement: () => mapped(() => client.agreement.get()),
    replaceAgreement: (value, etag) => mapped(() => client.agreement.replace(value, { etag })),

    versions: () => client.versions.list(),
    versionChanges: async (version) => (await client.versions.changes(version)).changes,
    async restore(version) {
      const made = await client.versions.restore(version);
      const summary = (await client.versions.list()).find((v) => v.version === made.version);
      return summary ?? { version: made.version, at: made.at, by: '', summary: '' };
    },
    async audit() {
      const out = [];
      for await (const entry of client.audit.all({ pageSize: 500 })) {
        out.push(entry);
        if (out.length >= AUDIT_LIMIT) break;
      }
      return out;
    },

    users: async () => (await client.users.list()).map(user),
    invite: async (u) => {
      const made = await client.users.create({ ...u, lang: lang() });
      return { id: made.id, setPasswordUrl: made.setPasswordUrl };
    },
    changeRole: async (id, role) => user(await client.users.update(id, { role })),
    removeUser: (id) => client.users.remove(id),
  };
}
