// CreateAuthChallenge: a fresh 6-digit code every round, sent to the user's email; the client sees where it went,
// only Verify sees the code. challengeMetadata names the round, for Define's session array.
import { randomInt } from 'node:crypto';
import { sendCode } from '../lib/code-outbox.mjs';

export const handler = async (event) => {
  if (event.request.challengeName !== 'CUSTOM_CHALLENGE') {
    return event;
  }
  const round = event.request.session.filter((s) => s.challengeName === 'CUSTOM_CHALLENGE').length + 1;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const email = event.request.userAttributes.email;
  if (email && !event.request.userNotFound) {
    sendCode(email, code);
  }
  event.response.publicChallengeParameters = {
    destination: email ? email.replace(/^(.).*(@.*)$/, '$1***$2') : 'your email',
    round: String(round),
  };
  event.response.privateChallengeParameters = { answer: code };
  event.response.challengeMetadata = `CODE-ROUND-${round}`;
  return event;
};
