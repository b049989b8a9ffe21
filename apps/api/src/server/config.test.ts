import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrigin, readConfig } from './config.js';

describe('readConfig()', () => {
  it('defaults to 127.0.0.1:8787, no public origin, no proxy trust and a 64 MiB cache', () => {
    expect(readConfig({})).toEqual({
      port: 8787,
      host: '127.0.0.1',
      publicOrigin: undefined,
      trustProxy: false,
      cacheBytes: 64 * 1024 * 1024,
    });
  });

  it('reads PUBLIC_ORIGIN, TRUST_PROXY and MT0_CACHE_MB', () => {
    expect(
      readConfig({ PUBLIC_ORIGIN: 'https://kit.example/', TRUST_PROXY: '1', MT0_CACHE_MB: '16' }),
    ).toMatchObject({
      publicOrigin: 'https://kit.example',
      trustProxy: true,
      cacheBytes: 16 * 1024 * 1024,
    });
    expect(readConfig({ MT0_CACHE_MB: '0' })).toMatchObject({ cacheBytes: 0 });
  });

  it('refuses a bad value with a message naming the variable', () => {
    for (const [env, name] of [
      [{ PUBLIC_ORIGIN: 'kit.example' }, 'PUBLIC_ORIGIN'],
      [{ PUBLIC_ORIGIN: 'https://kit.example/app' }, 'PUBLIC_ORIGIN'],
      [{ PUBLIC_ORIGIN: 'javascript:alert(1)' }, 'PUBLIC_ORIGIN'],
      [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY'],
      [{ MT0_CACHE_MB: 'lots' }, 'MT0_CACHE_MB'],
      [{ PORT: '99999' }, 'PORT'],
    ] as const) {
      const r = readConfig(env);
      expect('error' in r && r.error, name).toMatch(new RegExp(`^${name} must`));
    }
  });
});

describe('the settings through `pnpm start`', () => {
  it('reach the server: turbo passes every variable readConfig reads (its strict mode drops the others)', () => {
    const turbo = JSON.parse(readFileSync(new URL('../../../../turbo.json', import.meta.url), 'utf8')) as {
      globalPassThroughEnv: string[];
    };
    const source = readFileSync(new URL('./config.ts', import.meta.url), 'utf8');
    const read = [...new Set([...source.matchAll(/env\.([A-Z][A-Z0-9_]*)/g)].map((m) => m[1] as string))];
    expect(read).toEqual(
      expect.arrayContaining(['PORT', 'HOST', 'PUBLIC_ORIGIN', 'TRUST_PROXY', 'MT0_CACHE_MB']),
    );
    const passed = (name: string) =>
      turbo.globalPassThroughEnv.some((p) =>
        p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : p === name,
      );
    expect(read.filter((name) => !passed(name))).toEqual([]);
  });
});

describe('parseOrigin()', () => {
  it('accepts a scheme and host (and port), nothing more', () => {
    expect(parseOrigin('https://kit.example')).toBe('https://kit.example');
    expect(parseOrigin('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
    for (const bad of [
      'https://kit.example/x',
      'https://u:p@kit.example',
      'https://kit.example?x',
      'ftp://a',
      '',
    ])
      expect(parseOrigin(bad), bad).toBeUndefined();
  });
});
