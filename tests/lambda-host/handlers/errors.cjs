// A handler for the host's own tests: event.mode picks how it ends.
exports.handler = (event, context, callback) => {
  switch (event.mode) {
    case 'throw':
      throw new TypeError('thrown on purpose');
    case 'callback-error':
      return callback(new Error('called back with an error'));
    case 'reject':
      return Promise.reject(new RangeError('rejected on purpose'));
    default:
      return callback(null, { remaining: context.getRemainingTimeInMillis() > 0, name: context.functionName });
  }
};
