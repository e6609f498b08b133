import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedEmail = { to: string[]; raw: Buffer };

export type TestSmtpServer = {
  /** smtp://127.0.0.1:PORT, as SMTP_URL. */
  url: string;
  port: number;
  received: ReceivedEmail[];
  /** Addresses refused for good at RCPT TO (lowercase); change it at will. */
  refused: Set<string>;
  /** Set, every recipient gets this answer at RCPT TO (e.g. 554 5.7.1 relaying denied). */
  answerEveryRecipient?: { code: number; message: string };
  /** Set, the next message's end gets this answer instead of 250, once (e.g. 451 try again later). */
  answerNextMessage?: { code: number; message: string };
  /** The received emails addressed to `address`. */
  to(address: string): ReceivedEmail[];
  close(): Promise<void>;
};

export const parseEmail = (email: ReceivedEmail): Promise<ParsedMail> => simpleParser(email.raw);

/**
 * A real SMTP server (nodemailer's smtp-server) on loopback, keeping what it receives. Addresses in
 * `refuse` are refused for good at RCPT TO, as a server refuses an unknown mailbox.
 */
export async function startSmtpServer({
  refuse = [],
  port = 0,
  login,
}: {
  refuse?: string[];
  port?: number;
  /** TLS from the start (smtps://, smtp-server's own self-signed certificate) and a required login. */
  login?: { user: string; password: string };
} = {}): Promise<TestSmtpServer> {
  const received: ReceivedEmail[] = [];
  const refused = new Set(refuse.map((address) => address.toLowerCase()));
  // Filled in once listening; the server's handlers read the answers a test sets on it.
  const handle = { received, refused } as TestSmtpServer;
  const server = new SMTPServer({
    ...(login
      ? {
          secure: true,
          authOptional: false,
          onAuth(auth, _session, callback) {
            if (auth.username === login.user && auth.password === login.password) return callback(null, { user: login.user });
            callback(Object.assign(new Error("5.7.8 Authentication failed"), { responseCode: 535 }));
          },
        }
      : { authOptional: true, disabledCommands: ["STARTTLS"] }),
    logger: false,
    size: 2_000_000,
    // Closing drops the clients still connected at once, as a server that goes down does.
    closeTimeout: 10,
    onRcptTo(address, _session, callback) {
      const every = handle.answerEveryRecipient;
      if (every) return callback(Object.assign(new Error(every.message), { responseCode: every.code }));
      if (!refused.has(address.address.toLowerCase())) return callback();
      callback(Object.assign(new Error("5.1.1 The mailbox does not exist"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const answer = handle.answerNextMessage;
        if (answer) {
          handle.answerNextMessage = undefined;
          return callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
        }
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  // Once listening, its errors are clients' dropped connections (a CLI killed mid-message resets its socket),
  // which a real server shrugs off too; smtp-server emits them on the server, where one unheard would crash
  // the test process.
  server.on("error", () => {});
  const address = server.server.address() as AddressInfo;
  Object.assign(handle, {
    url: login ? `smtps://${login.user}:${login.password}@127.0.0.1:${address.port}?tls.rejectUnauthorized=false` : `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    to: (mailbox: string) => received.filter((email) => email.to.some((to) => to.toLowerCase() === mailbox.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
  return handle;
}
