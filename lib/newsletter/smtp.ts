import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { NodemailerError } from "nodemailer/lib/errors";
import MailComposer from "nodemailer/lib/mail-composer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import SMTPConnection from "nodemailer/lib/smtp-connection";
import { env } from "../env";

/** One email to one reader. */
export type Email = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** The Message-ID's part before the "@" (the sender's domain follows); random when not given. */
  messageIdLocal?: string;
};

/**
 * What became of an email: sent (the server took it); refused (the server refused this address for good);
 * failed (anything else: the server down, a timeout). A failed email whose every byte was handed to the
 * server (`handedOver`) may still have arrived, so it is never sent again.
 */
export type Outcome =
  | { status: "sent" }
  | { status: "refused"; reason: string }
  | { status: "failed"; reason: string; handedOver: boolean; fatal?: boolean };

export type Courier = {
  /** "smtp" with SMTP_URL, else "outbox": files in NEWSLETTER_OUTBOX_DIR. */
  kind: "smtp" | "outbox";
  /**
   * Delivers an email. `beforeHandOver` runs once the message is written but for its end: when it has
   * resolved, the server may have the email, so a caller records that first and never sends it again.
   */
  deliver(email: Email, beforeHandOver?: () => void | Promise<void>): Promise<Outcome>;
  /** For the outbox, where an email just written lies. */
  lastFile?: string;
  close(): void;
};

const messageDomain = () => env.NEWSLETTER_FROM.address.split("@")[1] ?? "localhost";

/** An SMTP server's words, without any address in them: they reach logs and the moderation page. */
export const withoutAddresses = (text: string) => text.replace(/<?[^\s<>@]+@[^\s<>@]+>?/g, "<address>").slice(0, 500);

function compose(email: Email): Promise<Buffer> {
  return new MailComposer({
    from: env.NEWSLETTER_FROM.header,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: email.headers,
    messageId: `<${email.messageIdLocal ?? randomBytes(12).toString("hex")}@${messageDomain()}>`,
    date: new Date(),
  })
    .compile()
    .build();
}

/** Emails as files, one .eml each, for a machine without a mail server (a fresh checkout, tests). */
function outboxCourier(dir: string): Courier {
  const courier: Courier = {
    kind: "outbox",
    async deliver(email, beforeHandOver) {
      const raw = await compose(email);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(6).toString("hex")}.eml`);
      // Written whole, then named: a reader of the folder never sees half an email. Only the owner may read it.
      writeFileSync(`${file}.partial`, raw, { mode: 0o600 });
      try {
        await beforeHandOver?.();
      } catch (error) {
        rmSync(`${file}.partial`, { force: true });
        return { status: "failed", reason: error instanceof Error ? error.message : String(error), handedOver: false };
      }
      renameSync(`${file}.partial`, file);
      courier.lastFile = file;
      return { status: "sent" };
    },
    close() {},
  };
  return courier;
}

/**
 * A refusal of this one address for good: a permanent answer to RCPT TO, unless it is about policy
 * (5.7.x, or a bare 554: relaying denied, no login), which every address would get alike.
 */
function refusesAddress(error: NodemailerError): boolean {
  if (error.command !== "RCPT TO" || error.permanent !== true) return false;
  const enhanced = error.response?.match(/^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})/)?.[1];
  return enhanced ? !enhanced.startsWith("5.7.") : error.responseCode !== 554;
}

/**
 * One SMTP connection (nodemailer's client: TLS, STARTTLS, authentication, SMTPUTF8), opened when first
 * needed, reused for each email after, and opened anew after it fails.
 */
function smtpCourier(url: string): Courier {
  const options = parseConnectionUrl(url);
  let open: Promise<SMTPConnection> | undefined;

  const connect = (): Promise<SMTPConnection> => {
    if (open) return open;
    const opening = new Promise<SMTPConnection>((resolve, reject) => {
      const connection = new SMTPConnection({ ...options, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 });
      // Only this connection's own end forgets it, not a later one's.
      const forget = () => open === opening && (open = undefined);
      let settled = false;
      const ready = () => {
        settled = true;
        resolve(connection);
      };
      const fail = (error: Error) => {
        forget();
        if (settled) return;
        settled = true;
        connection.close();
        reject(error);
      };
      // A failure to connect comes as an error event, not through connect()'s callback; heard always,
      // as an unheard error event would end the process.
      connection.on("error", fail);
      connection.on("end", forget);
      connection.connect((error) => {
        if (error) return fail(error);
        if (!options.auth) return ready();
        connection.login(options.auth, (loginError) => (loginError ? fail(loginError) : ready()));
      });
    });
    open = opening;
    return opening;
  };

  /** After a refused address the connection is fine: the session starts over, and the next email waits for that. */
  const startOver = (connection: SMTPConnection) => {
    open = new Promise<SMTPConnection>((resolve) =>
      connection.reset((error) => {
        if (!error) return resolve(connection);
        connection.close();
        open = undefined;
        resolve(connect());
      }),
    );
  };

  return {
    kind: "smtp",
    async deliver(email, beforeHandOver) {
      const raw = await compose(email);
      let connection: SMTPConnection;
      try {
        connection = await connect();
      } catch (error) {
        const failure = error as NodemailerError;
        // A refused login or TLS failure would refuse every email alike.
        const fatal = failure.code === "EAUTH" || failure.code === "ETLS" || failure.permanent === true;
        return { status: "failed", reason: withoutAddresses(failure.message), handedOver: false, fatal };
      }
      let handedOver = false;
      let stage: "message" | "end" | "done" = "message";
      // The message, then its end only once `beforeHandOver` is through: the server cannot have the email
      // before the caller has recorded that it may.
      const message = new Readable({
        read() {
          if (stage === "message") {
            stage = "end";
            this.push(raw);
          } else if (stage === "end") {
            stage = "done";
            Promise.resolve(beforeHandOver?.()).then(
              () => {
                handedOver = true;
                this.push(null);
              },
              (error: unknown) => this.destroy(error instanceof Error ? error : new Error(String(error))),
            );
          }
        },
      });
      return new Promise<Outcome>((resolve) => {
        connection.send({ from: env.NEWSLETTER_FROM.address, to: [email.to] }, message, (error) => {
          if (!error) return resolve({ status: "sent" });
          const reason = withoutAddresses(`${error.message}${error.response && !error.message.includes(error.response) ? `: ${error.response}` : ""}`);
          if (refusesAddress(error)) {
            startOver(connection);
            return resolve({ status: "refused", reason });
          }
          connection.close();
          open = undefined;
          // A server that answered did not take the email; only a silence after its last byte leaves it unknown.
          const answered = typeof error.responseCode === "number" && error.responseCode > 0;
          resolve({ status: "failed", reason, handedOver: handedOver && !answered, fatal: error.permanent === true || error.code === "EAUTH" });
        });
      });
    },
    close() {
      open?.then((connection) => connection.quit(), () => {});
      open = undefined;
    },
  };
}

/** The newsletter's way to its readers: the SMTP server of SMTP_URL, or the outbox folder without one. */
export function createCourier(): Courier {
  return env.SMTP_URL ? smtpCourier(env.SMTP_URL) : outboxCourier(env.NEWSLETTER_OUTBOX_DIR);
}
