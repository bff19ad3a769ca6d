import { createTransport, type Transporter } from 'nodemailer';
import type { SmtpSettings } from './config.js';

/** One plain-text message. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/**
 * A mailer over SMTP with nodemailer. Port 465 (or `smtps://`) is TLS from
 * the start; other ports upgrade with STARTTLS when the server offers it.
 * Plain text only: nothing from the data is ever read as HTML.
 */
export function createSmtpMailer(settings: SmtpSettings): Mailer {
  const transport: Transporter = settings.url
    ? createTransport(settings.url)
    : createTransport({
        host: settings.host,
        port: settings.port ?? 587,
        secure: settings.port === 465,
        ...(settings.user && { auth: { user: settings.user, pass: settings.pass ?? '' } }),
      });
  return {
    async send(message) {
      await transport.sendMail({ from: settings.from, to: message.to, subject: message.subject, text: message.text });
    },
    close() {
      transport.close();
    },
  };
}
