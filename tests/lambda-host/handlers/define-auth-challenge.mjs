// DefineAuthChallenge for sign-in with a one-time code (the developer guide's custom challenge flow): a client
// that starts with SRP first proves the password (PASSWORD_VERIFIER), then gets CUSTOM_CHALLENGE rounds; a right
// code issues tokens, and the third wrong code fails the sign-in. Unknown users never get past a challenge.
const MAX_ROUNDS = 3;

export const handler = async (event) => {
  const session = event.request.session;
  const last = session[session.length - 1];
  const rounds = session.filter((s) => s.challengeName === 'CUSTOM_CHALLENGE');

  if (session.length === 1 && last.challengeName === 'SRP_A') {
    event.response.issueTokens = false;
    event.response.failAuthentication = false;
    event.response.challengeName = 'PASSWORD_VERIFIER';
  } else if (last && last.challengeName === 'PASSWORD_VERIFIER' && last.challengeResult !== true) {
    event.response.issueTokens = false;
    event.response.failAuthentication = true;
  } else if (last && last.challengeName === 'CUSTOM_CHALLENGE' && last.challengeResult === true
    && !event.request.userNotFound) {
    event.response.issueTokens = true;
    event.response.failAuthentication = false;
  } else if (rounds.length >= MAX_ROUNDS) {
    event.response.issueTokens = false;
    event.response.failAuthentication = true;
  } else {
    event.response.issueTokens = false;
    event.response.failAuthentication = false;
    event.response.challengeName = 'CUSTOM_CHALLENGE';
  }
  return event;
};
