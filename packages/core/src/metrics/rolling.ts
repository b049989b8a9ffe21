// A moving sum over consecutive periods: a monthly series as "the last 12 months" at each month, which
// smooths the seasons out of a count without mixing periods of different lengths.

/**
 * The sum of each run of `window` consecutive values ending at each position; `null` where fewer than
 * `window` values lie before it, or where any value in the window is missing (`null`): a window is
 * summed whole or not at all.
 * @example rollingSum([1, 2, 3, 4, 5], 3) // [null, null, 6, 9, 12]
 * @example rollingSum([1, null, 3, 4, 5], 3) // [null, null, null, null, 12]
 */
export function rollingSum(values: readonly (number | null)[], window: number): (number | null)[] {
  const out: (number | null)[] = [];
  let sum = 0;
  let missing = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) missing += 1;
    else sum += v;
    if (i >= window) {
      const gone = values[i - window];
      if (gone === null || gone === undefined) missing -= 1;
      else sum -= gone;
    }
    out.push(i + 1 >= window && missing === 0 ? sum : null);
  }
  return out;
}
