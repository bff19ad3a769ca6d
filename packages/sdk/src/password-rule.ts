/**
 * The one rule for a new password, shared by the server (which enforces it)
 * and the admin page (which checks as the person types). Length is what makes
 * a password strong; no composition rules (NIST SP 800-63B).
 */

/** The shortest password accepted, in characters (Unicode code points). */
export const MIN_PASSWORD_LENGTH = 12;
/** The longest password accepted: long enough for any passphrase, short enough to bound the work of hashing it. */
export const MAX_PASSWORD_LENGTH = 1024;

/** What is wrong with a new password. */
export type PasswordProblem = 'too-short' | 'only-spaces' | 'too-long';

/** The problem with a new password, or `undefined` when it is acceptable. */
export function passwordProblem(password: string): PasswordProblem | undefined {
  if (password.trim() === '' && password.length > 0) return 'only-spaces';
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (length > MAX_PASSWORD_LENGTH) return 'too-long';
  return undefined;
}

const MESSAGES: Record<'sv' | 'en', Record<PasswordProblem, string>> = {
  sv: {
    'too-short': `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken. Välj ett längre, till exempel några ord i rad.`,
    'only-spaces': 'Lösenordet får inte bara bestå av mellanslag. Välj ett lösenord med bokstäver, siffror eller andra tecken.',
    'too-long': `Lösenordet får ha högst ${MAX_PASSWORD_LENGTH} tecken. Välj ett kortare.`,
  },
  en: {
    'too-short': `The password must have at least ${MIN_PASSWORD_LENGTH} characters. Choose a longer one, for example a few words in a row.`,
    'only-spaces': 'The password must not be only spaces. Choose a password with letters, digits or other characters.',
    'too-long': `The password may have at most ${MAX_PASSWORD_LENGTH} characters. Choose a shorter one.`,
  },
};

/** `en` for English language tags, otherwise Swedish (the default of the admin page and the server's messages). */
export function messageLanguage(lang: string | undefined): 'sv' | 'en' {
  return lang !== undefined && /^en(?:-|$)/i.test(lang.trim()) ? 'en' : 'sv';
}

/** The message for a password problem, in Swedish (default) or English. */
export function passwordProblemMessage(problem: PasswordProblem, lang?: string): string {
  return MESSAGES[messageLanguage(lang)][problem];
}
