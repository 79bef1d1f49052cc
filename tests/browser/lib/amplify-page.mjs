// A page on http://localhost (a secure context, so WebAuthn works) that loads Amplify v6 bundled by esbuild from
// node_modules, exposing its auth API as `window.gatehouse`. Served by a small server on 127.0.0.1 (chromium maps
// localhost there, see chromium.mjs); the page calls Gatehouse directly (its AWS JSON endpoint answers CORS).
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

const ENTRY = `
import { Amplify, ConsoleLogger } from '@aws-amplify/core';
import * as auth from '@aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from '@aws-amplify/auth/cognito';
ConsoleLogger.LOG_LEVEL = 'ERROR';
window.gatehouse = {
  ...auth,
  configure(config) {
    cognitoUserPoolsTokenProvider.setAuthConfig(config);
    Amplify.configure({ Auth: config }, { Auth: { tokenProvider: cognitoUserPoolsTokenProvider } });
  },
};
`;

/** Starts the page server; returns { url, close() }. */
export async function startAmplifyPage() {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: path.join(here, '..'), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'error',
    define: { global: 'globalThis' },
  });
  const script = bundle.outputFiles[0].contents;
  const html = '<!doctype html><meta charset="utf-8"><title>Amplify</title><script type="module" src="/app.js"></script>';
  const server = createServer((request, response) => {
    if (request.url === '/app.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    } else {
      response.writeHead(200, { 'content-type': 'text/html' }).end(html);
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://localhost:${server.address().port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
