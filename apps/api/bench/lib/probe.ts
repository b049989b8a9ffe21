// A liveness probe during a flood: one GET /healthz at a time on its own keep-alive connection, every
// 20 ms, timing each answer. The bench's event loop is otherwise idle, so the time is the server's.
import { Agent, request } from 'node:http';

export interface Probe {
  stop(): Promise<{ n: number; p50: number; p99: number; max: number; failed: number }>;
}

export function probeHealth(port: number, everyMs = 20): Probe {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  let failed = 0;
  let running = true;
  const once = () =>
    new Promise<void>((done) => {
      const t0 = performance.now();
      const req = request({ host: '127.0.0.1', port, path: '/healthz', agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode === 200) times.push(performance.now() - t0);
          else failed++;
          done();
        });
      });
      req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        failed++;
        done();
      });
      req.end();
    });
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await once();
      const wait = everyMs - (performance.now() - t);
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      agent.destroy();
      const s = [...times].sort((a, b) => a - b);
      const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
      return { n: s.length, p50: at(0.5), p99: at(0.99), max: s[s.length - 1] ?? Number.NaN, failed };
    },
  };
}
