// The attributes <mt0-widget> observes (the rules for its host box: host-css.ts).

export const ATTRS = [
  'view',
  'indicator',
  'geo',
  'from',
  'to',
  'resolution',
  'rolling',
  'per100k',
  'lang',
  'theme',
  'release',
  'api',
] as const;
export type Attrs = Partial<Record<(typeof ATTRS)[number], string | null>>;

/** Attributes any element may carry (and data-*, aria-*), which <mt0-widget> leaves alone without a warning. */
const GLOBAL = /^(id|class|style|hidden|title|slot|part|role|tabindex|dir)$|-/;

/**
 * The attributes of the element it does not know (a typo such as `region` would otherwise silently draw
 * the default chart).
 * @example unknownAttributes(['view', 'region', 'class', 'data-x']) // ['region']
 */
export function unknownAttributes(names: string[]): string[] {
  return names.filter((n) => !(ATTRS as readonly string[]).includes(n) && !GLOBAL.test(n));
}
