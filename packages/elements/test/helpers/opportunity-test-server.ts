// A stand-in for `POST /api/v1/opportunities` while packages/server has no
// such route (the server helpers add it later). It follows the contract's
// rules for that route with the SDK's own code, so the form is tested
// against the same schema and signatory rule the real server will use:
// findUnsafeText, validateOpportunityOffer, signatoryByOrganisationNumber on the demo
// dataset, 201 { id, status: "pending" }, 400 { errors: [{ path, code,
// message }] }, 415, 413, and the Idempotency-Key rules of POST /signups
// (the same key and body: the same answer, stored once; the same key with
// another body: 422 idempotency-key-reused).
//
// Run by opportunity-server.mjs as `node --conditions=samverkan-source
// --import tsx opportunity-test-server.ts`; prints "listening <port>".
// Routes besides the API (under /k/<key>/api/v1/… so tests do not mix):
//   GET /__set?key=K&mode=offline|lost-answer   switch how POSTs under K fail
//   GET /__posts?key=K                          { posts } that reached the server under K
//   GET /__stored?title=T                       { count, offers } stored with that title
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { findUnsafeText, parseDataset, signatoryByOrganisationNumber, validateOpportunityOffer, type OpportunityOffer } from '@samverkan/sdk';

const DEMO = new URL('../../../../examples/data/sodertalje.json', import.meta.url);
const { dataset } = parseDataset(readFileSync(DEMO, 'utf8'));
const MAX_BODY = 64 * 1024;

interface Stored {
  id: string;
  status: 'pending';
  organisationId: string;
  offer: OpportunityOffer;
}
const stored: Stored[] = [];
const answers = new Map<string, { hash: string; status: number; body: unknown }>();
const modes = new Map<string, string>();
const posts = new Map<string, number>();

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** The answer to one offer (without the idempotency bookkeeping). */
function decide(raw: Buffer): { status: number; body: unknown } {
  let input: unknown;
  try {
    input = JSON.parse(raw.toString('utf8'));
  } catch {
    return { status: 400, body: { errors: [{ path: '', code: 'invalid-json', message: 'is not valid JSON' }] } };
  }
  // As POST /signups does: text that is not what it seems is refused first.
  const unsafe = findUnsafeText(input);
  if (unsafe.length > 0) return { status: 400, body: { errors: unsafe.map(({ path, code, message }) => ({ path, code, message })) } };
  const result = validateOpportunityOffer(input);
  if (!result.success) return { status: 400, body: { errors: result.issues.map(({ path, code, message }) => ({ path, code, message })) } };
  const organisation = signatoryByOrganisationNumber(dataset, result.data.organisationNumber);
  if (!organisation) {
    return {
      status: 400,
      body: { errors: [{ path: 'organisationNumber', code: 'not-a-signatory', message: 'is not the number of an organisation that has signed the agreement; only signatories may offer opportunities' }] },
    };
  }
  const entry: Stored = { id: randomUUID(), status: 'pending', organisationId: organisation.id, offer: result.data };
  stored.push(entry);
  return { status: 201, body: { id: entry.id, status: entry.status } };
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'OPTIONS') {
    res.writeHead(204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, POST',
      'access-control-allow-headers': 'content-type, idempotency-key, accept',
      'access-control-max-age': '600',
    });
    res.end();
    return;
  }
  if (url.pathname === '/__set') {
    const key = url.searchParams.get('key') ?? '';
    const mode = url.searchParams.get('mode');
    if (mode) modes.set(key, mode);
    else modes.delete(key);
    return send(res, 200, { ok: true });
  }
  if (url.pathname === '/__posts') return send(res, 200, { posts: posts.get(url.searchParams.get('key') ?? '') ?? 0 });
  if (url.pathname === '/__stored') {
    const offers = stored.filter((s) => s.offer.title === url.searchParams.get('title'));
    return send(res, 200, { count: offers.length, offers });
  }
  const match = /^\/k\/([^/]+)\/api\/v1\/opportunities$/.exec(url.pathname);
  if (!match || req.method !== 'POST') return send(res, 404, { errors: [{ path: '', message: 'not found' }] });
  const key = decodeURIComponent(match[1]!);
  posts.set(key, (posts.get(key) ?? 0) + 1);
  const mode = modes.get(key);
  if (mode === 'offline') {
    req.socket.destroy();
    return;
  }
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return send(res, 415, { errors: [{ path: '', message: 'must be sent as application/json' }] });
  }
  const raw = await readBody(req);
  if (raw === 'too-large') return send(res, 413, { errors: [{ path: '', message: 'is too large' }] });
  const idempotencyKey = req.headers['idempotency-key'];
  const hash = createHash('sha256').update(raw).digest('hex');
  let answer: { status: number; body: unknown };
  let replayed = false;
  const earlier = typeof idempotencyKey === 'string' ? answers.get(idempotencyKey) : undefined;
  if (earlier && earlier.hash !== hash) {
    answer = { status: 422, body: { errors: [{ path: '', code: 'idempotency-key-reused', message: 'this Idempotency-Key was used for another body' }] } };
  } else if (earlier) {
    answer = earlier;
    replayed = true;
  } else {
    answer = decide(raw);
    if (typeof idempotencyKey === 'string') answers.set(idempotencyKey, { hash, ...answer });
  }
  if (mode === 'lost-answer') {
    req.socket.destroy();
    return;
  }
  send(res, answer.status, answer.body, replayed ? { 'idempotent-replayed': 'true' } : {});
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
