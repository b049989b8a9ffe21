// Baseline: Fastify answering the same URL with the same pre-serialised buffer.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = readFileSync(process.argv[2]);
const app = Fastify({ logger: false });
app.get('/v1/observations', (_req, reply) => {
  reply.type('application/json').send(body);
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`listening ${new URL(address).port}`);
