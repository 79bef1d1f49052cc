// PreSignUp: users whose email is in the company's domain are confirmed (and their email verified) at sign-up;
// everyone else signs up as usual and confirms with the emailed code. Written as a CommonJS Lambda handler.
const AUTO_CONFIRM_DOMAIN = process.env.AUTO_CONFIRM_DOMAIN || 'example.com';

exports.handler = async (event) => {
  const email = event.request.userAttributes.email || '';
  const domain = email.split('@')[1];
  if (domain && domain.toLowerCase() === AUTO_CONFIRM_DOMAIN) {
    event.response.autoConfirmUser = true;
    event.response.autoVerifyEmail = true;
  }
  if (email.endsWith('@blocked.example')) {
    throw new Error('Sign-up from this domain is not allowed');
  }
  return event;
};
