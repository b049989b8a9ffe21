// An attachment that reports an element's width now and whenever it changes (a ResizeObserver). Lighter
// than `bind:clientWidth`, whose runtime the bundles would otherwise carry for two charts.

/**
 * `{@attach observeWidth((w) => (measured = w))}` calls back with the element's width in px: once at
 * once (so the first frame painted is laid out at the real width: no layout shift), then on each resize.
 * @example <div {@attach observeWidth((w) => (measured = w))}></div>
 */
export function observeWidth(report: (px: number) => void) {
  return (el: HTMLElement) => {
    report(el.clientWidth);
    const ro = new ResizeObserver(() => report(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  };
}
