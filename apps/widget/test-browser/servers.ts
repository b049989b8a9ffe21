// The servers the browser tests run against: the real API (apps/api/dist/node.js, spawned on a free
// port), serving the kit (widget files, embed pages, their data, oEmbed) once it mounts
// `createKitHandler` (see the report / README). Until it does, a small node:http front calls the built
// createKitHandler (which serves dist/public itself) and proxies everything else (/v1 …) to the real API.
// Plus a host server on another origin for the test pages.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = resolve(fileURLToPath(new URL('..', import.meta.url)), 'dist');
export const API_ENTRY = resolve(fileURLToPath(new URL('../../api/dist/node.js', import.meta.url)));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

export interface Kit {
  /** Origin of the kit: widget assets, embed pages, oEmbed, /v1. */
  origin: string;
  /** Origin of the API process itself. */
  api: string;
  /** True when the API serves the kit itself (createKitHandler mounted), false when fronted here. */
  mounted: boolean;
  stop(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function startApi(): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [API_ENTRY], {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
      stdio: 'pipe',
    });
    let out = '';
    const timer = setTimeout(() => fail(new Error(`the API did not print its URL in 15 s: ${out}`)), 15000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        ok({ url: m[1], child });
      }
    });
    child.stderr?.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => fail(new Error(`the API exited (${code}): ${out}`)));
  });
}

const toRequest = (req: IncomingMessage, origin: string) =>
  new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers: req.headers as Record<string, string>,
  });

async function send(res: ServerResponse, r: Response) {
  res.writeHead(r.status, Object.fromEntries(r.headers));
  res.end(Buffer.from(await r.arrayBuffer()));
}

export async function startKit(): Promise<Kit> {
  const api = await startApi();
  const probe = await fetch(`${api.url}/embed/stat`).catch(() => undefined);
  const asset = await fetch(`${api.url}/widget/mt0.js`).catch(() => undefined);
  if (probe?.ok && asset?.ok && (await probe.text()).includes('mt0-props')) {
    return {
      origin: api.url,
      api: api.url,
      mounted: true,
      stop: async () => {
        api.child.kill('SIGTERM');
      },
    };
  }
  const { createKitHandler } = (await import(
    join(DIST, 'server', 'index.js')
  )) as typeof import('../src/server/index.js');
  let origin = '';
  const kit = createKitHandler({});
  const server = createServer(async (req, res) => {
    try {
      const mine = await kit(toRequest(req, origin));
      if (mine) return await send(res, mine);
      await send(
        res,
        await fetch(new URL(req.url ?? '/', api.url), {
          method: req.method,
          headers: { accept: req.headers.accept ?? '*/*' },
        }),
      );
    } catch (e) {
      res.writeHead(502);
      res.end(String(e));
    }
  });
  origin = await listen(server);
  return {
    origin,
    api: api.url,
    mounted: false,
    stop: async () => {
      api.child.kill('SIGTERM');
      await new Promise((ok) => server.close(ok));
    },
  };
}

export interface Host {
  origin: string;
  /** Registers a page: its HTML and extra response headers (a CSP, say). */
  page(path: string, html: string, headers?: Record<string, string>): string;
  stop(): Promise<void>;
}

/** A host page server on its own origin (embedding is cross-origin, as in a newsroom's CMS). */
export async function startHost(): Promise<Host> {
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  const pym = fileURLToPath(new URL('../node_modules/pym.js/dist/pym.v1.min.js', import.meta.url));
  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/pym.v1.min.js') {
      res.writeHead(200, { 'content-type': TYPES['.js'] as string });
      res.end(await readFile(pym));
      return;
    }
    const p = pages.get(path);
    if (!p) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': path.endsWith('.css') ? TYPES['.css'] : TYPES['.html'],
      ...p.headers,
    });
    res.end(p.html);
  });
  const origin = await listen(server);
  return {
    origin,
    page(path, html, headers = {}) {
      pages.set(path, { html, headers });
      return `${origin}${path}`;
    },
    stop: () => new Promise((ok) => server.close(() => ok())),
  };
}
