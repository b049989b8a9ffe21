// Baseline: the bare node:http server of same-response.mjs (one writeHead of the same bytes and headers) in
// a process that has first started the API itself (dist/node.js, on a port of its own, idle) and had it
// answer the measured URL once: the same heap and the same warmed shared code (node:http, streams,
// events) as the API's process. The API against this baseline is the cost of its own per-request code;
// this baseline against the plain one is the cost of being a loaded process.
import { get } from 'node:http';
import { listenSameResponse } from './same-response.mjs';

const path = process.argv[4] ?? '/';
const server = await listenSameResponse(process.argv[2], process.argv[3]);

// The API prints `MT-0 API on http://127.0.0.1:PORT`; read it from the console before it is written.
const apiPort = new Promise((ok) => {
  const log = console.log;
  console.log = (...args) => {
    const m = /127\.0\.0\.1:(\d+)/.exec(String(args[0]));
    if (m) {
      console.log = log;
      ok(Number(m[1]));
    } else log(...args);
  };
});
process.env.PORT = '0';
await import('../../dist/node.js');
const port = await apiPort;
for (let i = 0; i < 2; i++)
  await new Promise((ok, fail) =>
    get({ host: '127.0.0.1', port, path }, (r) => r.resume().on('end', ok)).on('error', fail),
  );
console.log(`listening ${server.address().port}`);
