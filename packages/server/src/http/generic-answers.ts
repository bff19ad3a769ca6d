/**
 * The HTTP layer's generic answers, in both languages the server speaks, in
 * one place so their words can be read and reviewed together: an unknown
 * address, a method the address does not take, a body that is too large, not
 * JSON, not UTF-8 or not as long as it says, a website that may not send, too
 * many submissions, a request Node could not read, the generic 500. Each has a
 * stable `code` (never renamed) for a client that says it in its own words;
 * the message says what is wrong and what to do, and is sent in the request's
 * language (http/language.ts) like every other error answer.
 */
import type { ErrorItem } from './errors.js';
import type { Said } from './language.js';

/** The codes of the generic answers (additions to the codes of the routes' own refusals). */
export type GenericAnswerCode =
  | 'unknown-path'
  | 'method-not-allowed'
  | 'too-large'
  | 'not-json'
  | 'unsupported-charset'
  | 'invalid-utf8'
  | 'invalid-json'
  | 'invalid-content-length'
  | 'invalid-idempotency-key'
  | 'idempotency-key-reused'
  | 'origin-not-allowed'
  | 'rate-limited'
  | 'server-error'
  | 'client-closed'
  | 'unreadable-request'
  | 'headers-too-large'
  | 'request-timeout'
  | 'invalid-host'
  | 'unknown-host';

/** A generic answer's one item (`path` is `""`: the request as a whole). */
export interface GenericAnswer extends ErrorItem {
  code: GenericAnswerCode;
  message: Said;
}

const answer = (code: GenericAnswerCode, message: Said, params?: Record<string, string>): GenericAnswer => ({ path: '', code, message, ...(params && { params }) });

/** How an answer names a request's body when its route does not (`config.bodyName`). */
export const THE_BODY: Said = { en: 'The request body', sv: 'Förfrågans innehåll' };

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** 404 for an address nothing is served at (and for an action a route does not have). */
export const UNKNOWN_PATH = answer('unknown-path', {
  en: 'There is nothing at this address. Check that it is spelt right.',
  sv: 'Det finns ingenting på den här adressen. Kontrollera att den är rätt skriven.',
});

/** 405: the address exists but does not take `method`; `allow` is the `Allow` header's list. */
export const methodNotAllowed = (method: string, allow: string): GenericAnswer =>
  answer('method-not-allowed', { en: `This address does not take ${method}; use ${allow}.`, sv: `Den här adressen tar inte emot ${method}; använd ${allow}.` }, { allow });

/** 413: `body` ("The application") is larger than the route takes (`limit` bytes). */
export const tooLarge = (body: Said, limit: number): GenericAnswer => {
  const kib = Math.round(limit / 1024);
  return answer(
    'too-large',
    {
      en: `${body.en} is larger than ${kib} KiB, the most this server takes here. Shorten the texts or send fewer entries, and try again.`,
      sv: `${body.sv} är större än ${kib} KiB, gränsen för vad servern tar emot här. Korta texterna eller skicka färre poster och försök igen.`,
    },
    { limitBytes: String(limit) },
  );
};

/** 415: the request's Content-Type is not JSON; `body` names what should have been sent ("The application"). */
export const notJson = (body: Said = THE_BODY): GenericAnswer =>
  answer('not-json', {
    en: `The request is not of type JSON: send ${lowerFirst(body.en)} with Content-Type: application/json.`,
    sv: `Förfrågan är inte av typen JSON: skicka ${lowerFirst(body.sv)} med Content-Type: application/json.`,
  });

/** 415: a JSON body in another character set than UTF-8 (`charset` as the header names it). */
export const unsupportedCharset = (charset: string): GenericAnswer =>
  answer('unsupported-charset', {
    en: `The body is marked as ${charset}; send it as UTF-8 (Content-Type: application/json; charset=utf-8).`,
    sv: `Innehållet är märkt som ${charset}; skicka det som UTF-8 (Content-Type: application/json; charset=utf-8).`,
  });

/** 400: the body's bytes are not UTF-8 (never "repaired"). */
export const INVALID_UTF8 = answer('invalid-utf8', {
  en: 'The body is not valid UTF-8: send the text encoded as UTF-8.',
  sv: 'Innehållet är inte giltig UTF-8: skicka texten kodad som UTF-8.',
});

/** 400: the body is not JSON that can be read. */
export const INVALID_JSON = answer('invalid-json', {
  en: 'The body is not valid JSON: look for a missing comma, quote or bracket, and send it again.',
  sv: 'Innehållet är inte giltig JSON: leta efter ett kommatecken, citattecken eller en parentes som saknas, och skicka igen.',
});

/** 400: a request that says it is JSON and has no body (the same code as unreadable JSON: both are no JSON). */
export const EMPTY_JSON = answer('invalid-json', {
  en: 'The body is empty: send the JSON this address expects.',
  sv: 'Innehållet är tomt: skicka den JSON som adressen väntar sig.',
});

/** 400: the body's length is not what `Content-Length` says. */
export const INVALID_CONTENT_LENGTH = answer('invalid-content-length', {
  en: 'The body is not as long as its Content-Length header says: send the length in bytes of the body as it is sent.',
  sv: 'Innehållet är inte så långt som huvudet Content-Length säger: ange längden i byte på innehållet som det skickas.',
});

/** 400: an `Idempotency-Key` header that is not one. */
export const INVALID_IDEMPOTENCY_KEY = answer('invalid-idempotency-key', {
  en: 'Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.',
  sv: 'Idempotency-Key måste vara 1 till 255 synliga ASCII-tecken, till exempel ett UUID.',
});

/** 422: an `Idempotency-Key` already used with another body; `another` names it ("a different application"). */
export const idempotencyKeyReused = (another: Said): GenericAnswer =>
  answer('idempotency-key-reused', {
    en: `This Idempotency-Key was already used with ${another.en}; nothing was saved. Use a new key: one key per submission.`,
    sv: `Den här Idempotency-Key har redan använts med ${another.sv}; ingenting sparades. Använd en ny nyckel: en nyckel per inskick.`,
  });

/** 403: a browser on a website (an origin) the server does not take submissions from. */
export const ORIGIN_NOT_ALLOWED = answer('origin-not-allowed', {
  en: 'This website may not send to this server (its origin is not allowed); nothing was saved. The people who run the server can allow it in its settings.',
  sv: 'Den här webbplatsen får inte skicka till servern (dess ursprung, origin, är inte tillåtet); ingenting sparades. De som driver servern kan tillåta den i inställningarna.',
});

/** 429: too many submissions; `seconds` is the `Retry-After`. */
export const rateLimited = (seconds: number): GenericAnswer =>
  answer(
    'rate-limited',
    {
      en: `Too many submissions just now; nothing was saved. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`,
      sv: `För många inskick just nu; ingenting sparades. Försök igen om ${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}.`,
    },
    { retryAfter: String(seconds) },
  );

/** 500: the server failed; the log says why (never the request's data). */
export const SERVER_ERROR = answer('server-error', {
  en: 'Something went wrong on the server. Try again later; if it goes wrong again, tell the people who run the server (their log says what happened).',
  sv: 'Något gick fel på servern. Försök igen senare; blir det fel igen, kontakta dem som driver servern (deras logg visar vad som hände).',
});

/** 400: the client closed the connection before its request had arrived (nobody hears it; answered so Fastify finishes). */
export const CLIENT_CLOSED = answer('client-closed', {
  en: 'The connection closed before the whole request had arrived. Send it again.',
  sv: 'Anslutningen stängdes innan hela förfrågan hade kommit fram. Skicka den igen.',
});

/** 400: a request that could not be read (as HTTP, or its URL by Fastify). */
export const UNREADABLE_REQUEST = answer('unreadable-request', {
  en: 'The request could not be read: check its address and headers, and send it again.',
  sv: 'Förfrågan kunde inte läsas: kontrollera adressen och huvudena och skicka den igen.',
});

/** 431: the request's headers are larger than the server reads. */
export const HEADERS_TOO_LARGE = answer('headers-too-large', {
  en: 'The request’s headers are too large: send fewer or shorter headers (cookies count too).',
  sv: 'Förfrågans huvuden är för stora: skicka färre eller kortare huvuden (kakor räknas också).',
});

/** 408: the request (its headers or its body) took too long to arrive. */
export const REQUEST_TIMEOUT = answer('request-timeout', {
  en: 'The request took too long to arrive, and the connection is closed. Send it again.',
  sv: 'Förfrågan tog för lång tid att komma fram, och anslutningen stängs. Skicka den igen.',
});

/** 400 from the DCAT catalogue: it names its own addresses from the Host header, and this one is not a host name. */
export const INVALID_HOST = answer('invalid-host', {
  en: 'The Host header is not a host name, so the catalogue cannot name its own addresses. Send a host name, or set SAMVERKAN_PUBLIC_URL to the server’s public address.',
  sv: 'Huvudet Host är inget värdnamn, så katalogen kan inte ange sina egna adresser. Skicka ett värdnamn, eller ange serverns publika adress i SAMVERKAN_PUBLIC_URL.',
});

/** 404 from the front of several agreements (`SAMVERKAN_TENANTS`) for a host name none of them has (nothing of any agreement, not even which exist). */
export const UNKNOWN_HOST = answer('unknown-host', {
  en: 'There is no agreement at this address. Check the address (the host name).',
  sv: 'Det finns ingen överenskommelse på den här adressen. Kontrollera adressen (värdnamnet).',
});
