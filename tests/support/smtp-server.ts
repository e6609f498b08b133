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
  /** The received emails addressed to `address`. */
  to(address: string): ReceivedEmail[];
  close(): Promise<void>;
};

export const parseEmail = (email: ReceivedEmail): Promise<ParsedMail> => simpleParser(email.raw);

/**
 * A real SMTP server (nodemailer's smtp-server) on loopback, keeping what it receives. Addresses in
 * `refuse` are refused for good at RCPT TO, as a server refuses an unknown mailbox.
 */
export async function startSmtpServer({ refuse = [], port = 0 }: { refuse?: string[]; port?: number } = {}): Promise<TestSmtpServer> {
  const received: ReceivedEmail[] = [];
  const refused = new Set(refuse.map((address) => address.toLowerCase()));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    size: 2_000_000,
    // Closing drops the clients still connected at once, as a server that goes down does.
    closeTimeout: 10,
    onRcptTo(address, _session, callback) {
      if (!refused.has(address.address.toLowerCase())) return callback();
      callback(Object.assign(new Error("5.1.1 The mailbox does not exist"), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    received,
    refused,
    to: (mailbox) => received.filter((email) => email.to.some((to) => to.toLowerCase() === mailbox.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
