// Baseline: bare node:http answering every request with one pre-serialised buffer and, when given a
// JSON file of headers, those headers too, written with one writeHead: the same response as the API
// sends, with no work at all behind it.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = readFileSync(process.argv[2]);
const extra = process.argv[3] ? JSON.parse(readFileSync(process.argv[3], 'utf8')) : {};
const headers = Object.entries({
  'content-type': 'application/json',
  ...extra,
  'content-length': String(body.length),
}).flat();
const server = createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
