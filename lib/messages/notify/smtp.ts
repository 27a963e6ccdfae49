// E-mail copies of new messages and announcements (SPEC §11, notifications). Off unless
// SMTP_URL is set (.env.example). Sent after the database commit; a failure never fails the
// user's action and is logged without addresses or content. Each letter goes to one address
// (never a shared To/CC list) and carries only the fixed text given by the caller.
import { countDelivery } from "@/lib/ops/metrics";
import nodemailer from "nodemailer";

export type Letter = { subject: string; text: string };

export function smtpConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

/** The public address of the app for links in letters. */
export function appUrl(path: string): string {
  const base = (process.env.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path}`;
}

function sender(): string {
  return process.env.MAIL_FROM?.trim() || "Электронный журнал <no-reply@localhost>";
}

/** Sends the letter to each address separately. Resolves to the number delivered; never rejects. */
export async function sendLetters(addresses: readonly string[], letter: Letter): Promise<number> {
  const url = process.env.SMTP_URL?.trim();
  if (!url || addresses.length === 0) return 0;
  let delivered = 0;
  try {
    const transport = nodemailer.createTransport(url);
    try {
      for (const to of new Set(addresses)) {
        try {
          await transport.sendMail({ from: sender(), to, subject: letter.subject, text: letter.text });
          delivered += 1;
          countDelivery("mail", "sent");
        } catch (error) {
          countDelivery("mail", "failed");
          console.error(`[notify] one letter was not delivered: ${errorCode(error)}`);
        }
      }
    } finally {
      transport.close();
    }
  } catch (error) {
    countDelivery("mail", "failed", new Set(addresses).size - delivered);
    console.error(`[notify] SMTP is not available: ${errorCode(error)}`);
  }
  return delivered;
}

function errorCode(error: unknown): string {
  if (error && typeof error === "object" && "code" in error) return String((error as { code: unknown }).code);
  return error instanceof Error ? error.name : "unknown";
}

/** MSG-1 notification text: the sender's name and a link, nothing of the message itself. */
export function newMessageLetter(senderName: string, messageId: number): Letter {
  return {
    subject: "Новое сообщение в электронном журнале",
    text: `Новое сообщение от ${senderName} в электронном журнале.\n\nПрочитать: ${appUrl(`/mail/${messageId}`)}\n`,
  };
}

/** MSG-3 notification text: no title or body (they may concern other families). */
export function newAnnouncementLetter(): Letter {
  return {
    subject: "Новое объявление в электронном журнале",
    text: `Новое объявление на доске объявлений электронного журнала.\n\nПосмотреть: ${appUrl("/board")}\n`,
  };
}
