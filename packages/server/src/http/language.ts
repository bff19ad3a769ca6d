/**
 * The one rule for the language of the server's answers (refusals, the
 * accounts' messages, the public forms' checks): every route asks
 * {@link answerLanguage}, and `sendErrors` says each {@link Said} message in it.
 *
 * The server speaks Swedish and English. A request names its language by
 * `Accept-Language` (RFC 9110 §12.5.4): the more weight (`q`) a range that
 * matches Swedish or English has, the more that language is wanted; a range
 * matches by its first subtag (`sv-SE` and `sv-FI` are Swedish, `en-GB` is
 * English), and `*` matches whichever of the two no range names. A tie goes to
 * the one named first. Nothing usable (no header, `*` alone, only other
 * languages, garbage, `q=0` for both) gives Swedish: the agreements are
 * Swedish municipalities', and the admin page's default is Swedish too.
 *
 * A body that says which language it was written in (the accounts' `lang`, an
 * application's `language`) outranks the header when it is Swedish or
 * English: the form the person filled in knows better than their browser.
 *
 * The header is read by `negotiator` (jshttp's, what Express and Koa use),
 * not by hand: its weights, `*` and ties are the RFC's, and it is tested far
 * beyond what we would write. This module only says which two languages are
 * offered and what a request that wants neither gets.
 */
import type { FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';

/** The languages the server answers in. */
export const ANSWER_LANGUAGES = ['sv', 'en'] as const;
/** One of {@link ANSWER_LANGUAGES}. */
export type AnswerLanguage = (typeof ANSWER_LANGUAGES)[number];

/** A message in each language the server answers in; said in the request's language when it is sent. */
export type Said = Readonly<Record<AnswerLanguage, string>>;

/** The language when the request names neither Swedish nor English. */
export const DEFAULT_ANSWER_LANGUAGE: AnswerLanguage = 'sv';

/** `sv` or `en` for a tag whose first subtag is one of them (`sv-SE`, `EN`), else `undefined`. */
export function answerLanguageOfTag(tag: string | undefined): AnswerLanguage | undefined {
  const primary = /^\s*([a-z]{1,8})(?:-[a-z0-9]{1,8})*\s*$/i.exec(tag ?? '')?.[1]?.toLowerCase();
  return (ANSWER_LANGUAGES as readonly string[]).includes(primary ?? '') ? (primary as AnswerLanguage) : undefined;
}

/**
 * The language an `Accept-Language` header asks for, of {@link ANSWER_LANGUAGES}
 * (see the module's comment for the rule); Swedish when it asks for neither.
 * jshttp's `negotiator` reads the header (weights, regional tags, `*`, the order of a tie).
 */
export function preferredAnswerLanguage(header: string | readonly string[] | undefined): AnswerLanguage {
  const text = typeof header === 'string' ? header : (header ?? []).join(',');
  // No header means "any language" to negotiator (it would pick the first offered): the same default, said once here.
  if (!text.trim()) return DEFAULT_ANSWER_LANGUAGE;
  const chosen = new Negotiator({ headers: { 'accept-language': text } }).language([...ANSWER_LANGUAGES]);
  return (chosen as AnswerLanguage | undefined) ?? DEFAULT_ANSWER_LANGUAGE;
}

/**
 * The language to answer a request in: the body's language when it is
 * Swedish or English (`bodyLang`: the accounts' `lang`, an application's
 * `language`), else what `Accept-Language` asks for, else Swedish.
 */
export function answerLanguage(request: Pick<FastifyRequest, 'headers'>, bodyLang?: unknown): AnswerLanguage {
  return (typeof bodyLang === 'string' ? answerLanguageOfTag(bodyLang) : undefined) ?? preferredAnswerLanguage(request.headers['accept-language']);
}

/** A message said in `lang` (a plain string is the same in both). */
export function say(message: string | Said, lang: AnswerLanguage): string {
  return typeof message === 'string' ? message : message[lang];
}
