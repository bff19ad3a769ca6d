import type { FastifyPluginAsync } from 'fastify';
import { ChangePasswordRequestSchema, passwordProblem, passwordProblemMessage, UpdateAccountRequestSchema, validateWith } from '@samverkan/sdk';
import type { AccountsContext } from '../accounts/context.js';
import { requirePerson } from '../accounts/guards.js';
import { messagesFor, sendError } from '../accounts/messages.js';
import { sendIssues } from '../http/errors.js';
import { answerLanguage } from '../http/language.js';
import { sessionBody } from '../accounts/wire.js';
import { langOf } from './session.js';

/**
 * The signed-in person's own account: `PATCH /api/v1/account` (name, whether
 * new applications are e-mailed to them) and `PUT /api/v1/account/password`.
 */
export const accountRoutes: FastifyPluginAsync<{ accounts: AccountsContext }> = async (app, { accounts }) => {
  app.patch('/api/v1/account', { preHandler: requirePerson }, async (request, reply) => {
    const parsed = validateWith(UpdateAccountRequestSchema, request.body);
    if (!parsed.success) return sendIssues(reply, parsed.issues, langOf(request.body));
    const session = request.accountSession!;
    const { name, notifyApplications } = parsed.data;
    await accounts.store.updateUser(session.user.id, {
      ...(name !== undefined && { name }),
      ...(notifyApplications !== undefined && { notifyApplications }),
    });
    const user = await accounts.store.getUser(session.user.id);
    if (!user) return sendError(reply, 401, messagesFor(request).noSession);
    await accounts.audit(request, { by: user.name, action: 'user-changed', target: `user:${user.id}` });
    return sessionBody({ ...session, user });
  });

  /**
   * Changing the password ends every session of the person (other browsers,
   * a forgotten computer); this browser gets a new one.
   */
  app.put('/api/v1/account/password', { preHandler: requirePerson }, async (request, reply) => {
    const lang = langOf(request.body);
    const parsed = validateWith(ChangePasswordRequestSchema, request.body);
    if (!parsed.success) return sendIssues(reply, parsed.issues, lang);
    const session = request.accountSession!;
    const problem = passwordProblem(parsed.data.password);
    if (problem) return sendError(reply, 400, passwordProblemMessage(problem, answerLanguage(request, lang)), 'password');
    const user = session.user;
    // Guessing the current password from a session someone left open is slowed like sign-in.
    const accountKey = `account:${user.email}`;
    const waitMs = await accounts.throttle.account.waitMs(accountKey, accounts.now());
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      reply.header('Retry-After', String(seconds));
      return sendError(reply, 429, messagesFor(request, lang).throttled(seconds));
    }
    const ok = user.passwordHash ? await accounts.hasher.verify(parsed.data.currentPassword, user.passwordHash) : await accounts.hasher.verifyNothing(parsed.data.currentPassword);
    if (!ok) {
      await accounts.throttle.account.fail(accountKey, accounts.now());
      return sendError(reply, 400, messagesFor(request, lang).wrongPassword, 'currentPassword');
    }
    await accounts.throttle.account.succeed(accountKey);
    await accounts.store.setPassword(user.id, await accounts.hasher.hash(parsed.data.password));
    const fresh = await accounts.store.getUser(user.id);
    const next = await accounts.sessions.start(fresh ?? user, session.record.via);
    accounts.sessions.setCookie(request, reply, next);
    await accounts.audit(request, { by: user.name, action: 'password-set', target: `user:${user.id}` });
    return sessionBody(next);
  });
};
