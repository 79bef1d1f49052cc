// nginx in front of a backend, with Gatehouse forward-auth (auth_request), for tests/compat/forward-auth.test.mjs.
//
//   const proxy = await startNginx({ gatehouse: server.endpoint, backendPort, api: 'myapi' });
//   const response = await signedRequest(proxy.endpoint, '/private/x', credentials);  // { status, body, headers }
//   await proxy.stop();
//
// The generated configuration is the snippet docs/forward-auth.md documents: `auth_request` to an internal location
// that proxies to /authorization/forward-auth with the original method, URI and host, and clears every header
// Gatehouse would otherwise take from the client. nginx runs in the foreground (daemon off, master_process off)
// as a child process of the test, with its pid, logs and temp paths in a temporary directory; stop() ends it by PID.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { freePort, recordProcessGroup, REGION } from './server.mjs';

export const NGINX = process.env.GATEHOUSE_NGINX ?? '/usr/sbin/nginx';

export function nginxAvailable() {
  return existsSync(NGINX);
}

/** The `http { }` body: upstreams and one server with forward-auth on every location. */
export function forwardAuthConfig({ dir, port, gatehousePort, backendPort, api }) {
  return `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log info;
events { worker_connections 256; }
http {
  access_log ${dir}/access.log;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  upstream gatehouse { server 127.0.0.1:${gatehousePort}; keepalive 16; }
  upstream backend { server 127.0.0.1:${backendPort}; }
  server {
    listen 127.0.0.1:${port};
    location / {
      auth_request /_gatehouse_auth;
      auth_request_set $gatehouse_principal $upstream_http_x_gatehouse_principal;
      auth_request_set $gatehouse_identity $upstream_http_x_gatehouse_identity_id;
      proxy_set_header X-Gatehouse-Principal $gatehouse_principal;
      proxy_set_header X-Gatehouse-Identity-Id $gatehouse_identity;
      proxy_pass http://backend;
    }
    location = /_gatehouse_auth {
      internal;
      proxy_pass http://gatehouse/authorization/forward-auth;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header X-Original-Content-Length $content_length;
      proxy_set_header X-Original-Method $request_method;
      proxy_set_header X-Original-URI $request_uri;
      proxy_set_header X-Original-Host $http_host;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Gatehouse-Api "${api}";
      proxy_set_header X-Gatehouse-Stage "";
      proxy_set_header X-Gatehouse-Action "";
      proxy_set_header X-Gatehouse-Resource "";
    }
  }
}
`;
}

/** Starts nginx on a free loopback port; resolves once it accepts connections. */
export async function startNginx({ gatehouse, backendPort, api = 'myapi' }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-nginx-'));
  for (const sub of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(path.join(dir, sub));
  }
  const port = await freePort();
  const gatehousePort = new URL(gatehouse).port;
  writeFileSync(path.join(dir, 'nginx.conf'), forwardAuthConfig({ dir, port, gatehousePort, backendPort, api }));
  // Its own process group, recorded for eng/test.sh, so a crashed run's nginx is ended by id.
  const child = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  recordProcessGroup(child.pid);
  let output = '';
  child.stdout.on('data', (c) => { output += c; });
  child.stderr.on('data', (c) => { output += c; });
  let exited = null;
  const exit = new Promise((resolve) => child.once('exit', (code, signal) => { exited = { code, signal }; resolve(); }));
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited === null) {
      child.kill('SIGTERM');
      await exit;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (exited !== null) {
      const log = existsSync(path.join(dir, 'error.log')) ? readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
      await stop();
      throw new Error(`nginx exited during start (${JSON.stringify(exited)}):\n${output}\n${log}`);
    }
    try {
      await rawRequest(endpoint, '/_probe', {});
      return { endpoint, port, dir, stop, errorLog: () => readFileSync(path.join(dir, 'error.log'), 'utf8') };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`nginx did not listen within 10 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** A tiny backend that answers 200 with what it saw: method, URL and the principal headers nginx added. */
export async function startBackend() {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({
      method: req.method,
      url: req.url,
      principal: req.headers['x-gatehouse-principal'] ?? null,
      identityId: req.headers['x-gatehouse-identity-id'] ?? null,
    }));
  });
  const port = await freePort();
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { port, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/**
 * Signs a request with temporary credentials (`{ accessKeyId, secretAccessKey, sessionToken }`, as STS, or
 * fromCognitoIdentityPool, hand them out) the way API Gateway clients do (service `execute-api`) and sends it.
 * `tamper(headers)` may change the signed headers before sending.
 */
export async function signedRequest(endpoint, pathAndQuery, credentials, { method = 'GET', service = 'execute-api', tamper } = {}) {
  const url = new URL(pathAndQuery, endpoint);
  const query = Object.fromEntries(url.searchParams);
  const signer = new SignatureV4({ service, region: REGION, credentials, sha256: Sha256 });
  const signed = await signer.sign(new HttpRequest({
    method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query,
    headers: { host: url.host },
  }));
  const headers = { ...signed.headers };
  tamper?.(headers);
  return rawRequest(endpoint, pathAndQuery, headers, method);
}

/** One HTTP/1.1 request with exactly these headers (fetch would not let a test set Host). */
export function rawRequest(endpoint, pathAndQuery, headers, method = 'GET') {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path: pathAndQuery, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
