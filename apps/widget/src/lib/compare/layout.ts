// Bar layout of a compare model at a width: pure and dependency-free (browser side).
import type { CompareModel } from './compare.js';

export interface CompareLayout {
  width: number;
  zero: number;
  bars: { id: string; x: number; w: number; x0: number; x1: number; negative: boolean }[];
}

/** Bar positions for the annual rates at a width: a shared scale from min(0, lows) to max(0, highs). */
export function layoutCompare(m: CompareModel, width: number): CompareLayout {
  const lo = Math.min(0, ...m.rows.map((r) => r.low));
  const hi = Math.max(0, ...m.rows.map((r) => r.high));
  const pad = 4;
  const x = (v: number) => Math.round((pad + ((v - lo) / (hi - lo || 1)) * (width - 2 * pad)) * 10) / 10;
  const zero = x(0);
  return {
    width,
    zero,
    bars: m.rows.map((r) => ({
      id: r.id,
      x: Math.min(zero, x(r.value)),
      w: Math.max(1, Math.round(Math.abs(x(r.value) - zero) * 10) / 10),
      x0: x(r.low),
      x1: x(r.high),
      negative: r.value < 0,
    })),
  };
}
