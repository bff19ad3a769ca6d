import type { Session, User } from '@samverkan/sdk';
import type { ActiveSession } from './sessions.js';
import type { UserRecord } from './types.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** A session as `GET /api/v1/session` shows it (SessionSchema). */
export function sessionBody(session: ActiveSession): Session {
  const { user } = session;
  return {
    user: { id: user.id, email: user.email, name: user.name, role: user.role, notifyApplications: user.notifyApplications },
    csrfToken: session.csrfToken,
    via: session.record.via,
    expiresAt: iso(session.record.expiresAt),
    idleExpiresAt: iso(session.idleExpiresAt),
  };
}

/** A user as the admins see them (UserSchema): never the password hash. */
export function userBody(user: UserRecord): User {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    notifyApplications: user.notifyApplications,
    createdAt: iso(user.createdAt),
    passwordSet: user.passwordHash !== null,
    lastSignInAt: user.lastSignInAt === null ? null : iso(user.lastSignInAt),
  };
}
