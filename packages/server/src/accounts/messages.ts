import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerLanguage } from '../http/language.js';
import { sendErrors } from '../http/errors.js';

/** The accounts' own answers, in Swedish (default) and English. */
const MESSAGES = {
  sv: {
    signInFailed: 'E-postadressen eller lösenordet stämmer inte. Kontrollera båda och försök igen, eller be en administratör om en ny länk för att välja lösenord.',
    throttled: (seconds: number) => `För många misslyckade inloggningar. Vänta ${seconds} sekunder och försök igen.`,
    noSession: 'Du är inte inloggad (eller så har sessionen gått ut). Logga in igen.',
    linkInvalid: 'Länken för att välja lösenord är redan använd, har gått ut (den gäller i 72 timmar) eller är fel. Be en administratör om en ny länk.',
    emailTaken: 'Det finns redan ett konto med den e-postadressen. Ändra det kontot i stället, eller använd en annan adress.',
    userNotFound: 'Det finns ingen användare med det id:t. Den kan redan ha tagits bort; ladda om listan.',
    lastAdmin: 'Det måste finnas minst en administratör. Gör först någon annan till administratör.',
    wrongPassword: 'Det nuvarande lösenordet stämmer inte. Skriv det igen.',
    crossSite: 'Förfrågan kom från en annan webbplats och nekades (skydd mot CSRF). Gör ändringen från Samverkans egna sidor.',
    csrfMissing: 'Förfrågan saknar eller har fel CSRF-token. Skicka värdet csrfToken från GET /api/v1/session i huvudet X-CSRF-Token.',
    oidcOff: 'Inloggning med kommunens konto (OpenID Connect) är inte inställd på den här servern.',
    oidcFailed: 'Inloggningen med kommunens konto kunde inte slutföras. Börja om från inloggningssidan.',
    oidcNoAccount: 'Det finns inget Samverkan-konto med din e-postadress, eller så är adressen inte verifierad hos kommunens inloggning. Be en administratör lägga till dig.',
  },
  en: {
    signInFailed: 'The e-mail address or the password is wrong. Check both and try again, or ask an administrator for a new link to choose a password.',
    throttled: (seconds: number) => `Too many failed sign-ins. Wait ${seconds} seconds and try again.`,
    noSession: 'You are not signed in (or your session has ended). Sign in again.',
    linkInvalid: 'The link to choose a password has been used, has expired (it is valid for 72 hours) or is wrong. Ask an administrator for a new link.',
    emailTaken: 'An account with this e-mail address exists already. Change that account instead, or use another address.',
    userNotFound: 'There is no user with that id. It may have been removed already; reload the list.',
    lastAdmin: 'There must be at least one administrator. Make someone else an administrator first.',
    wrongPassword: 'The current password is wrong. Type it again.',
    crossSite: 'The request came from another site and was refused (protection against CSRF). Make the change from Samverkan’s own pages.',
    csrfMissing: 'The request has no or a wrong CSRF token. Send csrfToken from GET /api/v1/session in the X-CSRF-Token header.',
    oidcOff: 'Sign-in with the municipality’s account (OpenID Connect) is not set up on this server.',
    oidcFailed: 'The sign-in with the municipality’s account could not be completed. Start again from the sign-in page.',
    oidcNoAccount: 'There is no Samverkan account with your e-mail address, or the address is not verified by the municipality’s sign-in. Ask an administrator to add you.',
  },
} as const;

export type Messages = (typeof MESSAGES)['sv' | 'en'];

/** The messages in the request's language (the body's `lang` first, then Accept-Language: http/language.ts). */
export function messagesFor(request: FastifyRequest, bodyLang?: string): Messages {
  return MESSAGES[answerLanguage(request, bodyLang)];
}

/** Answers with the API's error shape (`{ errors: [{ path, message }] }`, http/errors.ts) a message already in the request's language. */
export function sendError(reply: FastifyReply, status: number, message: string, path = ''): FastifyReply {
  return sendErrors(reply, status, [{ path, message }]);
}
