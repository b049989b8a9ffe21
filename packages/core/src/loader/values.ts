// Reading numbers the way contributors type them, and saying precisely what is wrong when they do not.
import { type Unit, WHOLE_UNITS } from '../schemas/indicator.js';

export type ValueResult = { ok: true; value: number } | { ok: false; message: string; hint?: string };

const PLAIN = /^-?\d+(\.\d+)?$/;
const FRACTION = /^(\d+)\/(\d+)$/;

/**
 * Parses a cell as a number: plain digits with "." for decimals (2681, 12.7, -7.0) or a fraction (1/3),
 * so that "a third" is stored exactly rather than rounded. Whole-number units reject decimals, which is
 * how "2.681" typed for 2,681 is caught.
 */
export function parseValue(text: string, unit?: Unit): ValueResult {
  const t = text.trim();
  if (t === '') return { ok: false, message: 'expected a number, got nothing' };
  const frac = FRACTION.exec(t);
  if (frac) {
    const d = Number(frac[2]);
    if (d === 0) return { ok: false, message: `expected a fraction with a non-zero denominator, got "${t}"` };
    return { ok: true, value: Number(frac[1]) / d };
  }
  if (!PLAIN.test(t)) {
    if (/^-?\d{1,3}([.,\s\u00a0]\d{3})+([.,]\d+)?$/.test(t)) {
      const digits = t.replace(/[.,\s]/g, '');
      return {
        ok: false,
        message: `expected a number, got "${t}"`,
        hint: `use ${digits} without thousands separators, and "." for decimals`,
      };
    }
    if (/^-?\d+,\d+$/.test(t))
      return {
        ok: false,
        message: `expected a number, got "${t}"`,
        hint: `use "." for decimals: ${t.replace(',', '.')}`,
      };
    if (/%$/.test(t))
      return {
        ok: false,
        message: `expected a number, got "${t}"`,
        hint: `write ${t.replace(/\s*%$/, '')}; the unit says it is a percent`,
      };
    return {
      ok: false,
      message: `expected a number, got "${t}"`,
      hint: 'digits only, "." for decimals, or a fraction such as 1/3',
    };
  }
  const value = Number(t);
  if (unit && WHOLE_UNITS.has(unit) && !Number.isInteger(value)) {
    return {
      ok: false,
      message: `expected a whole number for unit "${unit}", got "${t}"`,
      hint: `use ${t.replace('.', '')} without separators if you meant thousands`,
    };
  }
  if (unit === 'share' && (value < 0 || value > 1))
    return {
      ok: false,
      message: `expected a share between 0 and 1, got "${t}"`,
      hint: 'write 0.25 or 1/4, or use a percent indicator',
    };
  if (unit === 'percent' && value < 0) return { ok: false, message: `expected a percent ≥ 0, got "${t}"` };
  return { ok: true, value };
}
