// dist/server/index.d.ts is hand-written: this checks it against the implementation at type level
// (svelte-check fails on a mismatch) and that the module exports what it declares.
import { describe, expect, it } from 'vitest';
import type * as Declared from './index.d.ts';
import * as actual from './index.js';

const same: typeof Declared.createKitHandler = actual.createKitHandler;
const back: typeof actual.createKitHandler = same;

describe('index.d.ts', () => {
  it('declares what index.ts exports', () => {
    expect(Object.keys(actual)).toEqual(['createKitHandler']);
    expect(typeof back).toBe('function');
  });
});
