// Pixel layout of a series model at a width: pure and dependency-free, so the browser bundles (which get
// the model from the server) can lay the chart out again when the width changes.
import type { SeriesModel } from './series.js';

export interface SeriesLayout {
  width: number;
  height: number;
  left: number;
  bottom: number;
  ticks: { y: number; label: string }[];
  /** Polyline points per unbroken run: split at gaps and at series breaks. */
  runs: string[];
  /** `i`: the point's index in the model (what values on demand read). */
  dots: {
    x: number;
    y: number;
    approximate: boolean;
    y0: number;
    y1: number;
    /** The interval is open at an end ("more than X"): its whisker runs to the plot's edge, dashed. */
    open: boolean;
    key: string;
    i: number;
  }[];
  xLabels: { x: number; label: string }[];
  /** Event marks: the dashed line at `x`, its numbered circle at `cx` (moved aside when circles would touch). */
  marks: { x: number; cx: number; n: number; breaks: boolean }[];
}

/** Circle centres at least `gap` apart, left to right, each moved right only as far as needed. */
export function spread(xs: number[], gap: number): number[] {
  let prev = Number.NEGATIVE_INFINITY;
  return xs.map((x) => {
    prev = Math.max(x, prev + gap);
    return prev;
  });
}

/** Pixel positions for the chart at a width. Pure, so the server and the browser draw the same thing. */
export function layoutSeries(m: SeriesModel, width: number, height = 240): SeriesLayout {
  const left = 56;
  // Room on the right for the last year's label, centred on the last point.
  const right = 18;
  const top = 22;
  const bottom = height - 24;
  const yMax = m.ticks[m.ticks.length - 1]?.value || 1;
  const k0 = m.points[0]?.key ?? 0;
  const k1 = m.points[m.points.length - 1]?.key ?? 1;
  const x = (k: number) => left + ((k - k0) / (k1 - k0 || 1)) * (width - left - right);
  const y = (v: number) => bottom - (v / yMax) * (bottom - top);
  const breaks = m.events.filter((e) => e.breaks).map((e) => e.key);
  const runs: string[] = [];
  let run: string[] = [];
  let prev: number | undefined;
  for (const pt of m.points) {
    const crosses =
      prev !== undefined && breaks.some((bk) => prev !== undefined && prev < bk && pt.key >= bk);
    if (pt.value === null || crosses) {
      if (run.length > 1) runs.push(run.join(' '));
      run = [];
    }
    if (pt.value !== null) run.push(`${x(pt.key).toFixed(1)},${y(pt.value).toFixed(1)}`);
    prev = pt.key;
  }
  if (run.length > 1) runs.push(run.join(' '));
  const every = Math.max(1, Math.ceil(m.points.length / Math.max(2, Math.floor((width - left) / 52))));
  const last = m.points.length - 1;
  const marks = m.events.map((e) => ({
    x: e.breaks ? x(e.key - (m.points.length > 1 ? 0.5 : 0)) : x(e.key),
    n: e.n,
    breaks: e.breaks,
  }));
  const cxs = spread(
    marks.map((mk) => mk.x),
    18,
  );
  return {
    width,
    height,
    left,
    bottom,
    ticks: m.ticks.map((tk) => ({ y: y(tk.value), label: tk.label })),
    runs,
    dots: m.points.flatMap((pt, i) =>
      pt.value === null
        ? []
        : [
            {
              x: x(pt.key),
              y: y(pt.value),
              approximate: pt.approximate,
              // An open end runs to the edge of the plot (see Series.svelte: dashed, no bound drawn).
              y0: pt.low === null ? bottom : y(pt.low),
              y1: pt.high === null ? top : y(pt.high),
              open: pt.low === null || pt.high === null,
              key: pt.period,
              i,
            },
          ],
    ),
    // Counted from the last point, so the latest period (after a break, the one readers look for) is labelled.
    xLabels: m.points
      .filter((_, i) => (last - i) % every === 0)
      .map((pt) => ({ x: x(pt.key), label: pt.plabel })),
    marks: marks.map((mk, i) => ({ ...mk, cx: cxs[i] ?? mk.x })),
  };
}
