// Bar layout of a compare model at a width: pure and dependency-free (browser side).
import type { CompareModel } from './compare.js';

export interface CompareLayout {
  width: number;
  /** Total height of the rows. */
  height: number;
  zero: number;
  bars: {
    id: string;
    x: number;
    w: number;
    x0: number;
    x1: number;
    /** An open end: its whisker runs to the edge, with no cap (never an invented bound). */
    open0: boolean;
    open1: boolean;
    negative: boolean;
    /** Top of the row, and of its bar relative to the row (below the name's lines). */
    top: number;
    barY: number;
    /** The name label wrapped to the width; whether the value line goes over two lines. */
    name: string[];
    split: boolean;
  }[];
}

/** A bar of `barsPercent`: positions in % of the row's width. */
export interface PercentBar {
  x: number;
  w: number;
  x0: number;
  x1: number;
  /** An open end: its whisker runs to the edge, with no cap. */
  open0: boolean;
  open1: boolean;
}

type Ends = Pick<CompareModel['rows'][number], 'value' | 'low' | 'high'>;

/** The scale of the bars: min(0, the finite lows and values) to max(0, the finite highs and values). */
function extent(rows: readonly Ends[]): [number, number] {
  const fin = (x: number | null, v: number) => (x === null || !Number.isFinite(x) ? v : x);
  return [
    Math.min(0, ...rows.map((r) => fin(r.low, r.value))),
    Math.max(0, ...rows.map((r) => fin(r.high, r.value))),
  ];
}

const isOpen = (x: number | null) => x === null || !Number.isFinite(x);

/**
 * Bar positions for the annual rates in percent of the row's width (a shared scale from min(0, lows)
 * to max(0, highs)): the browser draws them at any width without measuring, so the server-rendered page
 * and the hydrated one have the same boxes (no layout shift).
 * @example barsPercent({ rows: [{ value: 150, low: 150, high: 150 }, { value: 50, low: 40, high: 60 }] }).bars[1] // { x: 0, w: 33.33, x0: 26.67, x1: 40, open0: false, open1: false }
 * @example barsPercent({ rows: [{ value: 150, low: 150, high: 150 }, { value: 50, low: 40, high: null }] }).bars[1] // { x: 0, w: 33.33, x0: 26.67, x1: 100, open0: false, open1: true }
 */
export function barsPercent(m: { rows: Ends[] }): {
  zero: number;
  bars: PercentBar[];
} {
  const [lo, hi] = extent(m.rows);
  const x = (v: number) => Math.round(((v - lo) / (hi - lo || 1)) * 10000) / 100;
  const zero = x(0);
  return {
    zero,
    bars: m.rows.map((r) => ({
      x: Math.min(zero, x(r.value)),
      w: Math.max(0.5, Math.round(Math.abs(x(r.value) - zero) * 100) / 100),
      x0: isOpen(r.low) ? 0 : x(r.low as number),
      x1: isOpen(r.high) ? 100 : x(r.high as number),
      open0: isOpen(r.low),
      open1: isOpen(r.high),
    })),
  };
}

/** Rough width of one character of the 12 px labels (bold, system UI fonts), to wrap before clipping. */
const CHAR = 7;

/** A row's label texts: the name line, and the value line's strong part and the rest. */
export interface RowLabels {
  name: string;
  strong: string;
  rest: string;
}

/**
 * Words of `text` in lines of at most `max` characters (a longer word gets a line of its own).
 * @example wrap('Venta de drogas a nivel de calle', 16) // ['Venta de drogas', 'a nivel de calle']
 */
export function wrap(text: string, max: number): string[] {
  const lines = [''];
  for (const word of text.split(' ')) {
    const line = lines[lines.length - 1] as string;
    if (line && line.length + word.length >= max) lines.push(word);
    else lines[lines.length - 1] = line ? `${line} ${word}` : word;
  }
  return lines;
}

/**
 * Bar positions for the annual rates at a width: a shared scale from min(0, lows) to max(0, highs); each
 * row's labels wrapped so that nothing is clipped (the value line splits in two: strong part, then rest).
 */
export function layoutCompare(m: CompareModel, width: number, labels: RowLabels[] = []): CompareLayout {
  const [lo, hi] = extent(m.rows);
  const pad = 4;
  const x = (v: number) => Math.round((pad + ((v - lo) / (hi - lo || 1)) * (width - 2 * pad)) * 10) / 10;
  const zero = x(0);
  const max = Math.max(12, Math.floor((width - 8) / CHAR));
  let top = 0;
  const bars = m.rows.map((r, i) => {
    const l = labels[i];
    const name = wrap(l ? l.name : r.name, max);
    const split = !!l && l.strong.length + l.rest.length + 3 > max;
    const barY = 4 + name.length * 14;
    const row = {
      id: r.id,
      x: Math.min(zero, x(r.value)),
      w: Math.max(1, Math.round(Math.abs(x(r.value) - zero) * 10) / 10),
      x0: isOpen(r.low) ? pad : x(r.low as number),
      x1: isOpen(r.high) ? width - pad : x(r.high as number),
      open0: isOpen(r.low),
      open1: isOpen(r.high),
      negative: r.value < 0,
      top,
      barY,
      name,
      split,
    };
    top += barY + (split ? 54 : 40);
    return row;
  });
  return { width, height: top, zero, bars };
}
