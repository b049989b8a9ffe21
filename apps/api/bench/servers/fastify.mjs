// Baseline: Fastify answering the same URL with the same pre-serialised buffer and, when given a JSON
// file of headers, the same headers: the same response as the API sends.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = readFileSync(process.argv[2]);
const extra = process.argv[3] ? JSON.parse(readFileSync(process.argv[3], 'utf8')) : {};
const app = Fastify({ logger: false });
app.get('/v1/observations', (_req, reply) => {
  reply.headers({ 'content-type': 'application/json', ...extra }).send(body);
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${new URL(address).port}`);
