// A real SMTP receiver on loopback for the sender's tests (smtp-server), and the little MIME reading they need:
// headers unfolded, RFC 2047 subjects and base64 parts decoded.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly raw: string;
}

/** `refuse`: every recipient is answered 550, as a relay that will not take the mail. */
export type ReceiverMode = 'accept' | 'refuse';

export interface MailReceiver {
  readonly url: string;
  readonly mails: ReceivedMail[];
  mode: ReceiverMode;
  close(): Promise<void>;
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_whole, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_hex, code: string) => String.fromCharCode(parseInt(code, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function header(head: string, name: string): string {
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head.replace(/\r?\n[ \t]+/g, ' '));
  return match ? decodeWords(match[1]!.trim()) : '';
}

/** The decoded body of the part of `type` (text/plain, text/html). */
function part(raw: string, type: string): string {
  const start = raw.search(new RegExp(`Content-Type: ${type}`, 'i'));
  if (start < 0) return '';
  const rest = raw.slice(start);
  const blank = rest.search(/\r?\n\r?\n/);
  const head = rest.slice(0, blank);
  const body = rest
    .slice(blank)
    .replace(/^\s+/, '')
    .split(/\r?\n--/)[0]!;
  return /base64/i.test(head) ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8') : body;
}

export function readMail(raw: string, to: readonly string[]): ReceivedMail {
  const head = raw.slice(0, raw.search(/\r?\n\r?\n/));
  return { to, subject: header(head, 'Subject'), text: part(raw, 'text/plain'), html: part(raw, 'text/html'), raw };
}

export async function startMailReceiver(): Promise<MailReceiver> {
  const mails: ReceivedMail[] = [];
  const receiver: { mode: ReceiverMode } = { mode: 'accept' };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (receiver.mode === 'refuse') {
        callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push(
          readMail(
            Buffer.concat(chunks).toString('utf8'),
            session.envelope.rcptTo.map((rcpt) => rcpt.address),
          ),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
