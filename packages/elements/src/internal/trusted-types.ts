// Trusted Types: on a page whose Content-Security-Policy says
// `require-trusted-types-for 'script'`, text may be put into a <script>
// element only as a TrustedScript made by a named policy that the page's
// `trusted-types` directive allows. The elements need that once: the
// calendar's JSON-LD (`<script type="application/ld+json">`). Lit itself
// makes its own policy, `lit-html`, for its templates.

/** The name of the elements' policy: a page that requires Trusted Types lists it in `trusted-types` (with `lit-html`). */
export const TRUSTED_TYPES_POLICY = 'samverkan';

// The part of the Trusted Types API used here (not in TypeScript's DOM library yet).
interface ScriptPolicy {
  createScript(text: string): unknown;
}
interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScript(text: string): string }): ScriptPolicy;
}

let policy: ScriptPolicy | null | undefined;
// The page refused the policy: asked once (each refused createPolicy is reported to the page's CSP endpoint).
let refused: TypeError | undefined;

/**
 * The policy, made on first use (so a page that never needs it, and does not
 * list it, gets no report): `null` where the browser has no Trusted Types.
 * Throws when the page's CSP does not allow the name (the caller says what to add).
 */
function scriptPolicy(): ScriptPolicy | null {
  if (policy !== undefined) return policy;
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  // Only text the elements made themselves passes through it (JSON that the
  // JSON-LD writer escaped so that no value can end the script).
  policy = factory ? factory.createPolicy(TRUSTED_TYPES_POLICY, { createScript: (text) => text }) : null;
  return policy;
}

/**
 * Sets the text of a data `<script>` the elements made (JSON-LD), through the
 * `samverkan` policy where the browser has Trusted Types. Throws a TypeError
 * that names the policy when the page's CSP does not allow it.
 */
export function setScriptText(script: HTMLScriptElement, text: string): void {
  if (refused) throw refused;
  let trusted: unknown = text;
  try {
    const made = scriptPolicy();
    if (made) trusted = made.createScript(text);
  } catch (error) {
    throw (refused = new TypeError(
      `The page requires Trusted Types and its Content-Security-Policy does not allow the policy "${TRUSTED_TYPES_POLICY}": add it to the trusted-types directive (trusted-types ${TRUSTED_TYPES_POLICY} lit-html).`,
      { cause: error },
    ));
  }
  (script as { textContent: unknown }).textContent = trusted;
}
