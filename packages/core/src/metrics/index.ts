// Metrics (the registry of metric units, with selection and guards, is @mt0/core/registry): pure, interval-aware calculations over the kit's levels and reported changes (d3 style: one
// function per file). Each takes exact numbers or intervals and returns an interval, or `undefined` for
// impossible input; none throws on data or mutates. Depends on the qualifier policy, the period parser
// and the format module (for `compare`'s sentences) only.
export { absoluteChange } from './absoluteChange.js';
export { annualized } from './annualized.js';
export {
  type ComparedItem,
  type CompareFinding,
  type CompareItem,
  type CompareRole,
  type Comparison,
  compare,
  spansOverlap,
} from './compare.js';
export { compound } from './compound.js';
export { impliedBase } from './impliedBase.js';
export { impliedLevel } from './impliedLevel.js';
export { impliedPart } from './impliedPart.js';
export { indexTo } from './indexTo.js';
export { type Estimate, endsOf, type Interval, isOpen, jsonEnds, toInterval } from './interval.js';
export { percentChange } from './percentChange.js';
export {
  type PrePostComparison,
  type PrePostEvent,
  type PrePostOptions,
  type PrePostRefusal,
  type PrePostRefused,
  type PrePostResult,
  type PrePostSide,
  prePost,
} from './prePost.js';
export { ratePer100k } from './ratePer100k.js';
export { rollingSum } from './rolling.js';
export type { SeriesPoint } from './series.js';
export { share } from './share.js';
export { poissonHalfWidth, SMALL_COUNT, smallCountWarning } from './small.js';
export type {
  MetricInput,
  MetricResult,
  MetricUnit,
  ParamDescriptor,
  Refusal,
  ResultField,
  Warning,
} from './unit.js';
