// Formatting for people: numbers, percents, approximate values, shares and periods in es-CL and en,
// through Intl only. Pure and cached; depends on nothing but the qualifier policy and the period parser.

export { type ComparisonText, compareText } from './compare.js';
export { type EstimateStyle, formatEstimate, formatShare, QUALIFIER_PREFIX } from './estimate.js';
export { bounds, intervalNote, num } from './formula.js';
export { LOCALES, MINUS } from './intl.js';
export {
  formatNumber,
  formatPercent,
  formatSignedChange,
  NOT_A_NUMBER,
  type NumberOptions,
} from './number.js';
export { formatChangeSpan, formatPeriod } from './period.js';
export { numberSpellings } from './words.js';
