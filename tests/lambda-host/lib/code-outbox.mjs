// Where the create-auth-challenge handler "sends" its one-time codes. A real function would email or text the
// code (SES, SNS); here each message is kept in memory (the tests import this module, which runs in the same
// process as the host) and, when LAMBDA_HOST_OUTBOX names a file, appended to it as one JSON line, so someone
// running the host by hand can read the code. Nothing is printed.
import { appendFileSync } from 'node:fs';

const messages = [];

export function sendCode(destination, code) {
  const message = { destination, code, at: new Date().toISOString() };
  messages.push(message);
  if (process.env.LAMBDA_HOST_OUTBOX) {
    appendFileSync(process.env.LAMBDA_HOST_OUTBOX, `${JSON.stringify(message)}\n`);
  }
}

/** The newest code sent to `destination`, or undefined. */
export function lastCode(destination) {
  return messages.findLast((m) => m.destination === destination)?.code;
}

/** How many codes were sent to `destination`. */
export function codeCount(destination) {
  return messages.filter((m) => m.destination === destination).length;
}
