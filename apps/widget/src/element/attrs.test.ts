import { describe, expect, it } from 'vitest';
import { reserve } from '../lib/embedCodes.js';
import { VIEWS } from '../lib/views.js';
import { unknownAttributes } from './attrs.js';
import { HOST_CSS } from './host-css.js';

describe('unknownAttributes()', () => {
  it('names the attributes <mt0-widget> does not know, leaving global, data-* and aria-* ones alone', () => {
    expect(
      unknownAttributes(['view', 'region', 'class', 'id', 'style', 'data-story', 'aria-label', 'indicatr']),
    ).toEqual(['region', 'indicatr']);
  });
});

describe('HOST_CSS', () => {
  it('reserves each view its height, which the page can set and which is released once drawn', () => {
    for (const v of VIEWS)
      expect(HOST_CSS).toContain(
        `:host([view=${v}]){min-height:var(--mt0-min-height,${reserve(v)})!important}`,
      );
    // Without a view attribute the element draws compare.
    expect(HOST_CSS).toContain(':host(:not([view])),:host([view=compare])');
    expect(HOST_CSS).toContain(':host(:state(drawn)){min-height:0!important}');
  });

  it('has balanced brackets (an unclosed one would swallow every rule after it)', () => {
    for (const [open, close] of ['()', '{}', '[]']) {
      let depth = 0;
      for (const c of HOST_CSS) {
        depth += c === open ? 1 : c === close ? -1 : 0;
        expect(depth).toBeGreaterThanOrEqual(0);
      }
      expect(depth).toBe(0);
    }
  });
});
