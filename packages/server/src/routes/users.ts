import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { CreateUserRequestSchema, passwordProblem, passwordProblemMessage, SetPasswordRequestSchema, UpdateUserRequestSchema, validateWith } from '@samverkan/sdk';
import { baseUrl, type AccountsContext } from '../accounts/context.js';
import { isCrossSite } from '../accounts/csrf.js';
import { requireRole } from '../auth/actor.js';
import { issuePasswordLink } from '../accounts/links.js';
import { messagesFor, sendError } from '../accounts/messages.js';
import { sendIssues } from '../http/errors.js';
import { answerLanguage } from '../http/language.js';
import { hashSecret } from '../accounts/tokens.js';
import { DuplicateEmailError } from '../accounts/types.js';
import { userBody } from '../accounts/wire.js';
import { langOf } from './session.js';

/**
 * Users (admins only): `POST/GET /api/v1/admin/users`,
 * `GET/PATCH/PUT/DELETE /api/v1/admin/users/{id}`,
 * `POST /api/v1/admin/users/{id}/set-password-link`; and the public
 * `POST /api/v1/set-password` that a one-time link leads to.
 */
export const userRoutes: FastifyPluginAsync<{ accounts: AccountsContext }> = async (app, { accounts }) => {
  const admin = { preHandler: requireRole('admin') };
  const by = (request: { actor?: { name: string } | undefined }) => request.actor?.name ?? 'anonymous';

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
  });

  app.post('/api/v1/admin/users', admin, async (request, reply) => {
    const parsed = validateWith(CreateUserRequestSchema, request.body);
    if (!parsed.success) return sendIssues(reply, parsed.issues, langOf(request.body));
    const { email, name, role, notifyApplications = false, lang } = parsed.data;
    const id = randomUUID();
    try {
      await accounts.store.createUser({ id, email, name, role, notifyApplications, createdAt: accounts.now() });
    } catch (error) {
      if (error instanceof DuplicateEmailError) return sendError(reply, 409, messagesFor(request, lang).emailTaken, 'email');
      throw error;
    }
    const link = await issuePasswordLink(accounts.store, id, baseUrl(accounts, request), accounts.now());
    await accounts.audit(request, { by: by(request), action: 'user-invited', target: `user:${id}` });
    return reply.code(201).send({ id, setPasswordUrl: link.setPasswordUrl, expiresAt: new Date(link.expiresAt).toISOString() });
  });

  app.get('/api/v1/admin/users', admin, async () => (await accounts.store.listUsers()).map(userBody));

  app.get<{ Params: { id: string } }>('/api/v1/admin/users/:id', admin, async (request, reply) => {
    const user = await accounts.store.getUser(request.params.id);
    if (!user) return sendError(reply, 404, messagesFor(request).userNotFound);
    return userBody(user);
  });

  const update = async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
    const parsed = validateWith(UpdateUserRequestSchema, request.body);
    if (!parsed.success) return sendIssues(reply, parsed.issues, langOf(request.body));
    const { role, name, notifyApplications, lang } = parsed.data;
    const messages = messagesFor(request, lang);
    const before = await accounts.store.getUser(request.params.id);
    if (!before) return sendError(reply, 404, messages.userNotFound);
    const result = await accounts.store.updateUser(before.id, {
      ...(role !== undefined && { role }),
      ...(name !== undefined && { name }),
      ...(notifyApplications !== undefined && { notifyApplications }),
    });
    if (result === 'not-found') return sendError(reply, 404, messages.userNotFound);
    if (result === 'last-admin') return sendError(reply, 409, messages.lastAdmin, 'role');
    const action = role !== undefined && role !== before.role ? 'user-role-changed' : 'user-changed';
    await accounts.audit(request, { by: by(request), action, target: `user:${before.id}` });
    return userBody((await accounts.store.getUser(before.id))!);
  };
  app.patch<{ Params: { id: string } }>('/api/v1/admin/users/:id', admin, update);
  app.put<{ Params: { id: string } }>('/api/v1/admin/users/:id', admin, update);

  app.delete<{ Params: { id: string } }>('/api/v1/admin/users/:id', admin, async (request, reply) => {
    const messages = messagesFor(request);
    const result = await accounts.store.deleteUser(request.params.id);
    if (result === 'not-found') return sendError(reply, 404, messages.userNotFound);
    if (result === 'last-admin') return sendError(reply, 409, messages.lastAdmin);
    await accounts.audit(request, { by: by(request), action: 'user-removed', target: `user:${request.params.id}` });
    return reply.code(204).send();
  });

  /** A new one-time link (a forgotten password, or an expired invitation); earlier links stop working. */
  app.post<{ Params: { id: string } }>('/api/v1/admin/users/:id/set-password-link', admin, async (request, reply) => {
    const user = await accounts.store.getUser(request.params.id);
    if (!user) return sendError(reply, 404, messagesFor(request).userNotFound);
    const link = await issuePasswordLink(accounts.store, user.id, baseUrl(accounts, request), accounts.now());
    await accounts.audit(request, { by: by(request), action: 'user-link-issued', target: `user:${user.id}` });
    return { setPasswordUrl: link.setPasswordUrl, expiresAt: new Date(link.expiresAt).toISOString() };
  });

  /**
   * Chooses a password with the token of a one-time link. A password that
   * breaks the rule is answered without using up the link; a good one uses
   * it (once) and ends every session the person had.
   */
  app.post('/api/v1/set-password', async (request, reply) => {
    const lang = langOf(request.body);
    const messages = messagesFor(request, lang);
    if (isCrossSite(request, accounts.publicUrl)) return sendError(reply, 403, messages.crossSite);
    const parsed = validateWith(SetPasswordRequestSchema, request.body);
    if (!parsed.success) return sendIssues(reply, parsed.issues, lang);
    const problem = passwordProblem(parsed.data.password);
    if (problem) return sendError(reply, 400, passwordProblemMessage(problem, answerLanguage(request, lang)), 'password');
    const tokenHash = hashSecret(parsed.data.token);
    // Checked before hashing, so a wrong token costs no scrypt work.
    if (!(await accounts.store.findPasswordLink(tokenHash, accounts.now()))) return sendError(reply, 400, messages.linkInvalid, 'token');
    const passwordHash = await accounts.hasher.hash(parsed.data.password);
    const userId = await accounts.store.usePasswordLink(tokenHash, accounts.now(), passwordHash);
    if (!userId) return sendError(reply, 400, messages.linkInvalid, 'token');
    const user = await accounts.store.getUser(userId);
    await accounts.audit(request, { by: user?.name ?? 'anonymous', action: 'password-set', target: `user:${userId}` });
    return reply.code(204).send();
  });
};
