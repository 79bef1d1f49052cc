// VerifyAuthChallengeResponse, in the callback style: the answer is right when it is the code Create made.
import { timingSafeEqual } from 'node:crypto';

export const handler = (event, context, callback) => {
  const expected = Buffer.from(event.request.privateChallengeParameters.answer || '');
  const given = Buffer.from(String(event.request.challengeAnswer || '').trim());
  event.response.answerCorrect = expected.length > 0 && expected.length === given.length
    && timingSafeEqual(expected, given);
  callback(null, event);
};
