// The relying party's redirect target: an HTTP server on 127.0.0.1 (reached as http://localhost:<port>, the one
// plain-http form Cognito allows) that records every request to /callback and answers a small page.
import http from 'node:http';

export async function startCallbackServer() {
  const hits = [];
  const waiters = [];
  const server = http.createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost');
    if (url.pathname === '/callback') {
      hits.push(url);
      waiters.splice(0).forEach((resolve) => resolve(url));
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Callback</title><h1>Signed in</h1>');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://localhost:${port}/callback`,
    hits,
    /** The next (or an already recorded, not yet taken) request to /callback. */
    next(timeoutMs = 10_000) {
      if (hits.length > 0) {
        return Promise.resolve(hits.shift());
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no request reached the callback')), timeoutMs);
        waiters.push((url) => {
          clearTimeout(timer);
          hits.splice(hits.indexOf(url), 1);
          resolve(url);
        });
      });
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
