// The bare node:http server of the baselines: every request answered with one pre-serialised buffer
// and, when given a JSON file of headers, those headers too, written with one writeHead.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/** Listens on a free loopback port; resolves with the server. */
export async function listenSameResponse(bodyFile, headersFile) {
  const body = readFileSync(bodyFile);
  const extra = headersFile ? JSON.parse(readFileSync(headersFile, 'utf8')) : {};
  const headers = Object.entries({
    'content-type': 'application/json',
    ...extra,
    'content-length': String(body.length),
  }).flat();
  const server = createServer((_req, res) => {
    res.writeHead(200, headers);
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return server;
}
