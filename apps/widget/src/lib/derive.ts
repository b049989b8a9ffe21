// Shared by the derive-* modules: a range read out in words. Text and tables that follow from a model by
// string assembly alone are computed where they are drawn (server and browser, same code), one module per
// view so that each embed page loads only its own. Pure and dependency-free.
import type { Strings } from './i18n.js';

/**
 * " (entre 2.413 y 2.681)" for a range "2.413–2.681"; " (al menos 2.300)" for an open one "≥ 2.300" (a
 * screen reader may not say "≥"); empty when exact.
 */
export function rangeWords(
  range: string,
  ui: Pick<Strings, 'between' | 'and' | 'atLeast' | 'atMost'>,
): string {
  if (range.startsWith('≥ ')) return ` (${ui.atLeast} ${range.slice(2)})`;
  if (range.startsWith('≤ ')) return ` (${ui.atMost} ${range.slice(2)})`;
  const [a, b] = range ? range.split(/\s?–\s?/) : [];
  return b === undefined ? '' : ` (${ui.between} ${a} ${ui.and} ${b})`;
}
