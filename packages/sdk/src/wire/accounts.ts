/**
 * The wire format of the account routes (`/api/v1/session`, `/api/v1/account`,
 * `/api/v1/admin/users`, `/api/v1/set-password`): the server validates what
 * it receives with these schemas and the admin client parses what it gets.
 */
import * as z from 'zod/mini';
import { DateTime, Email, LanguageTag, Text } from '../schemas/common.js';
import { MAX_PASSWORD_LENGTH, passwordProblem, passwordProblemMessage } from '../password-rule.js';
import { safeTextCheck } from '../text-safety.js';

/** The roles: `admin` may do everything, `editor` everything but managing users. */
export const ROLES = ['admin', 'editor'] as const;
/** A role. */
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES, { error: 'must be "admin" or "editor"' });

/**
 * The request header that carries the session's CSRF token on every request
 * that changes something and is authenticated by the session cookie.
 */
export const CSRF_HEADER = 'X-CSRF-Token';

/** An account's e-mail address: trimmed and lower-cased, so one person has one account. */
export const AccountEmailSchema = z.pipe(
  z.string({ error: 'must be an e-mail address such as name@example.org' }).check(z.trim(), z.toLowerCase(), z.maxLength(254, 'must be at most 254 characters')),
  Email,
);

/** A person's name as shown in the admin page: no control characters or unpaired direction marks (the SDK's text-safety rule). */
export const PersonNameSchema = Text.check(z.maxLength(200, 'must be at most 200 characters'), safeTextCheck<string>());

/** A password as typed at sign-in (any content; bounded so it cannot be used to make the server work hard). */
export const PasswordInputSchema = z.string({ error: 'must be a password' }).check(
  z.minLength(1, 'must not be empty'),
  z.maxLength(MAX_PASSWORD_LENGTH * 4, 'is too long'),
);

/** A new password: the rule of `passwordProblem` (at least 12 characters, not only spaces). */
export const NewPasswordSchema = z.string({ error: 'must be a password' }).check(
  z.refine((password) => passwordProblem(password) === undefined, {
    error: (issue) => passwordProblemMessage(passwordProblem(String(issue.input)) ?? 'too-short', 'en'),
  }),
);

/** `lang`: the language the answer's messages should be in (`sv` default, `en`). */
const Lang = z.optional(LanguageTag);

/** `POST /api/v1/session`. */
export const SignInRequestSchema = z.object({
  email: AccountEmailSchema,
  password: PasswordInputSchema,
  lang: Lang,
});
export type SignInRequest = z.input<typeof SignInRequestSchema>;

/** The signed-in person, as the session routes show them. */
export const SessionUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  notifyApplications: z.boolean(),
});
export type SessionUser = z.output<typeof SessionUserSchema>;

/**
 * `POST /api/v1/session` (200) and `GET /api/v1/session` (200; `401` without a
 * session). Send `csrfToken` in the `X-CSRF-Token` header with every write.
 */
export const SessionSchema = z.object({
  user: SessionUserSchema,
  csrfToken: z.string(),
  /** How the person signed in. */
  via: z.enum(['password', 'oidc']),
  /** When the session ends at the latest, even when in use. */
  expiresAt: DateTime,
  /** When the session ends if it is not used before then. */
  idleExpiresAt: DateTime,
});
export type Session = z.output<typeof SessionSchema>;

/** `GET /api/v1/session/options`: which ways to sign in this server offers. */
export const SignInOptionsSchema = z.object({
  password: z.boolean(),
  /** Whether sign-in with the municipality's own accounts (OpenID Connect) is set up. */
  oidc: z.boolean(),
  /** Where to send the browser to sign in with OpenID Connect (present when `oidc`). */
  oidcStartUrl: z.optional(z.string()),
});
export type SignInOptions = z.output<typeof SignInOptionsSchema>;

/** `POST /api/v1/admin/users` (admin). */
export const CreateUserRequestSchema = z.object({
  email: AccountEmailSchema,
  name: PersonNameSchema,
  role: RoleSchema,
  notifyApplications: z.optional(z.boolean()),
  lang: Lang,
});
export type CreateUserRequest = z.input<typeof CreateUserRequestSchema>;

/** A one-time link where a person chooses a password; valid 72 hours. */
export const SetPasswordLinkSchema = z.object({
  setPasswordUrl: z.string(),
  expiresAt: DateTime,
});
export type SetPasswordLink = z.output<typeof SetPasswordLinkSchema>;

/** `POST /api/v1/admin/users` → `201`. */
export const CreateUserResponseSchema = z.object({
  id: z.string(),
  setPasswordUrl: z.string(),
  expiresAt: DateTime,
});
export type CreateUserResponse = z.output<typeof CreateUserResponseSchema>;

/** A user as the admins see them. */
export const UserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  notifyApplications: z.boolean(),
  createdAt: DateTime,
  /** Whether the person has chosen a password (else only the set-password link or OpenID Connect gets them in). */
  passwordSet: z.boolean(),
  lastSignInAt: z.nullable(DateTime),
});
export type User = z.output<typeof UserSchema>;

/** `GET /api/v1/admin/users` (admin): every user, by name. */
export const UserListSchema = z.array(UserSchema);

/** `PATCH` or `PUT /api/v1/admin/users/{id}` (admin): what to change; at least one field. */
export const UpdateUserRequestSchema = z
  .object({
    role: z.optional(RoleSchema),
    name: z.optional(PersonNameSchema),
    notifyApplications: z.optional(z.boolean()),
    lang: Lang,
  })
  .check(
    z.refine((body) => body.role !== undefined || body.name !== undefined || body.notifyApplications !== undefined, {
      error: 'must change at least one of role, name and notifyApplications',
      path: [],
    }),
  );
export type UpdateUserRequest = z.input<typeof UpdateUserRequestSchema>;

/** `POST /api/v1/set-password` (public): the token from the one-time link and the new password. */
export const SetPasswordRequestSchema = z.object({
  token: z.string({ error: 'must be the token from the link' }).check(z.minLength(1, 'must be the token from the link'), z.maxLength(200, 'is not a token from a link')),
  password: z.string({ error: 'must be a password' }),
  lang: Lang,
});
export type SetPasswordRequest = z.input<typeof SetPasswordRequestSchema>;

/** `PATCH /api/v1/account` (signed in): the person's own settings. */
export const UpdateAccountRequestSchema = z
  .object({
    name: z.optional(PersonNameSchema),
    notifyApplications: z.optional(z.boolean()),
    lang: Lang,
  })
  .check(
    z.refine((body) => body.name !== undefined || body.notifyApplications !== undefined, {
      error: 'must change at least one of name and notifyApplications',
      path: [],
    }),
  );
export type UpdateAccountRequest = z.input<typeof UpdateAccountRequestSchema>;

/** `PUT /api/v1/account/password` (signed in): ends every session of the person, this one included. */
export const ChangePasswordRequestSchema = z.object({
  currentPassword: PasswordInputSchema,
  password: z.string({ error: 'must be a password' }),
  lang: Lang,
});
export type ChangePasswordRequest = z.input<typeof ChangePasswordRequestSchema>;
