// Props of the widget's root component: the view's data (from the server or the snapshot) and where it
// is shown. Type-only.
import type { Theme } from './types.js';
import type { ViewData } from './viewdata.js';

export interface WidgetProps {
  data: ViewData;
  theme: Theme;
  /** API origin for the CSV link. */
  api: string;
  /** Page the figure is shown on, for "Cite". */
  href: string;
  /** Footer note: the data version, or "data as of …" when drawn from the bundled snapshot. */
  note: string;
  /** Width to lay charts out at before the browser measures (server render; pym's initialWidth). */
  width: number;
  /** Reserve the footer's "newer data" line: pinned to an older release than the server's latest. */
  newer?: boolean;
}

/** Props of an embed page's hydrated root (src/lib/roots/): the view's data and its layout width. */
export type RootProps = Pick<WidgetProps, 'data' | 'width'>;
