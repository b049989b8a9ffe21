import { describe, expect, it } from 'vitest';
import { ampMessage, heightMessages, parsePym, pymId, pymMessage, wpMessage, wpSecret } from './protocol.js';

describe('height protocols', () => {
  it('writes and reads pym.js messages', () => {
    expect(pymMessage('example', 'height', '512')).toBe('pymxPYMxexamplexPYMxheightxPYMx512');
    expect(parsePym('pymxPYMxexamplexPYMxwidthxPYMx640', 'example')).toEqual({
      type: 'width',
      message: '640',
    });
    expect(parsePym('pymxPYMxotherxPYMxwidthxPYMx640', 'example')).toBeUndefined();
    expect(parsePym({ width: 1 }, 'example')).toBeUndefined();
    expect(parsePym('pymxPYMxexamplexPYMxbad typexPYMx1', 'example')).toBeUndefined();
  });

  it('reads pym and WordPress parameters, refusing odd ones', () => {
    expect(pymId('?initialWidth=600&childId=chart-1&parentTitle=x')).toBe('chart-1');
    expect(pymId('?childId=%3Cscript%3E')).toBeUndefined();
    expect(pymId('?lang=es')).toBeUndefined();
    expect(wpSecret('#?secret=Ab12Cd34Ef')).toBe('Ab12Cd34Ef');
    expect(wpSecret('#?secret=<x>')).toBeUndefined();
    expect(wpSecret('')).toBeUndefined();
  });

  it('sends every dialect the page was embedded with, rounding the height up', () => {
    expect(heightMessages(511.2, { pym: 'c', wp: 'S' })).toEqual([
      { mt0: 'resize', height: 512 },
      ampMessage(512),
      'pymxPYMxcxPYMxheightxPYMx512',
      wpMessage('S', 512),
    ]);
    expect(ampMessage(10)).toEqual({ sentinel: 'amp', type: 'embed-size', height: 10 });
    expect(wpMessage('S', 10)).toEqual({ secret: 'S', message: 'height', value: 10 });
    expect(heightMessages(100, {})).toHaveLength(2);
  });
});
