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
 * Hand-written rather than `negotiator` (jshttp's, the usual choice): the
 * helpers of this session may not add dependencies; this file's tests pin the
 * behaviour, so swapping it in later is safe.
 */
import type { FastifyRequest } from 'fastify';

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

/** A weight as RFC 9110 writes it: `0`, `1`, or up to three decimals (`0.8`, `1.000`). */
const WEIGHT = /^q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/i;
/** A language range: `*`, or subtags of 1–8 letters and digits, the first letters only. */
const RANGE = /^(?:\*|[a-z]{1,8}(?:-[a-z0-9]{1,8})*)$/i;

/**
 * The language an `Accept-Language` header asks for, of {@link ANSWER_LANGUAGES}
 * (see the module's comment for the rule); Swedish when it asks for neither.
 * An entry that is not a language range or has a malformed weight is skipped, not guessed at.
 */
export function preferredAnswerLanguage(header: string | readonly string[] | undefined): AnswerLanguage {
  const text = typeof header === 'string' ? header : (header ?? []).join(',');
  // Per language: the best weight of a range naming it, and where that range stood. `*` is kept apart.
  const named = new Map<AnswerLanguage, { q: number; at: number }>();
  let any: { q: number; at: number } | undefined;
  text.split(',').forEach((entry, at) => {
    const [range = '', ...params] = entry.split(';').map((part) => part.trim());
    if (!RANGE.test(range)) return;
    let q = 1;
    for (const param of params) {
      const weight = WEIGHT.exec(param);
      if (weight) q = Number(weight[1]);
      else if (/^q\s*=/i.test(param)) return; // a weight we cannot read: the entry is skipped
    }
    if (range === '*') {
      if (!any || q > any.q) any = { q, at };
      return;
    }
    const lang = answerLanguageOfTag(range);
    if (!lang) return;
    const best = named.get(lang);
    if (!best || q > best.q) named.set(lang, { q, at });
  });
  let chosen: { lang: AnswerLanguage; q: number; at: number } | undefined;
  for (const lang of ANSWER_LANGUAGES) {
    const weight = named.get(lang) ?? any;
    if (!weight || weight.q <= 0) continue;
    if (!chosen || weight.q > chosen.q || (weight.q === chosen.q && weight.at < chosen.at)) chosen = { lang, ...weight };
  }
  return chosen?.lang ?? DEFAULT_ANSWER_LANGUAGE;
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
