import type { Mailer } from './mailer.js';
import type { AccountStore } from './types.js';

/** What announcing a new application needs. Without a mailer nothing is sent and nothing fails. */
export interface NotifyContext {
  store: AccountStore;
  mailer?: Mailer | undefined;
  /** The server's public address; the message links to `<publicUrl>/admin`. */
  publicUrl?: string | undefined;
  /** Told how many messages went and failed (never to whom). */
  log?: (level: 'info' | 'warn', message: string, fields?: Record<string, unknown>) => void;
}

/** What a message about a new application may say about it: the organisation's name, nothing about people. */
export interface NewApplication {
  organisationName: string;
}

/**
 * E-mails each person who chose `notifyApplications` that a new application
 * has arrived: the organisation's name and a link to the admin page, nothing
 * else of the application (no contact person, no message). One message per
 * recipient, so nobody sees who else got it. Never throws: a mail server
 * that is down must not fail the application, which is already stored.
 * Call it after the application is stored, without waiting for it.
 */
export async function notifyNewApplication(context: NotifyContext, application: NewApplication): Promise<{ sent: number; failed: number }> {
  const result = { sent: 0, failed: 0 };
  if (!context.mailer) return result;
  let recipients: Awaited<ReturnType<AccountStore['listUsersToNotify']>>;
  try {
    recipients = await context.store.listUsersToNotify();
  } catch (error) {
    context.log?.('warn', 'new application: could not read whom to notify', { error: (error as Error).message });
    return result;
  }
  const organisation = oneLine(application.organisationName);
  const link = `${context.publicUrl ?? ''}/admin`;
  for (const recipient of recipients) {
    try {
      await context.mailer.send({
        to: recipient.email,
        subject: `Ny ansökan till Samverkan: ${organisation} / New application`,
        text: [
          `Hej ${oneLine(recipient.name)},`,
          '',
          `En ny ansökan om att gå med i överenskommelsen har kommit in från ${organisation}.`,
          `Läs den och besluta i administrationen: ${link}`,
          '',
          `A new application to join the agreement has arrived from ${organisation}.`,
          `Read it and decide in the admin page: ${link}`,
          '',
          '--',
          'Du får det här för att du har valt att få nya ansökningar aviserade; du kan stänga av det i administrationen.',
          'You get this because you chose to have new applications announced; you can turn it off in the admin page.',
        ].join('\n'),
      });
      result.sent++;
    } catch {
      // The error would name the recipient's address; the count is enough to notice.
      result.failed++;
    }
  }
  if (result.failed > 0) context.log?.('warn', 'new application: some notification e-mails could not be sent', result);
  return result;
}

/** Data text on one line without control characters (a name must not add lines to a message or its subject), at most 200 characters. */
function oneLine(text: string): string {
  return [...text.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ').trim()].slice(0, 200).join('');
}
