// The attributes <mt0-widget> observes, and the rules for its host box.
import { HEIGHTS } from '../lib/embedCodes.js';
import { VIEWS } from '../lib/types.js';

export const ATTRS = ['view', 'indicator', 'geo', 'from', 'to', 'lang', 'theme', 'api'] as const;
export type Attrs = Partial<Record<(typeof ATTRS)[number], string | null>>;

/**
 * Host-box rules. The page cannot reach inside the shadow root, but inherited properties cross it and
 * the host element itself can be styled by the page (even `* { … !important }`); important rules in the
 * shadow tree win over the page's important rules, so reset everything here (`all` leaves custom
 * properties alone, so --mt0-* theming still inherits). Heights are reserved per view: no layout shift.
 */
export const HOST_CSS = `:host{all:initial!important;display:block!important;contain:layout paint!important;min-height:${HEIGHTS.compare}px!important}
${VIEWS.map((v) => `:host([view=${v}]){min-height:${HEIGHTS[v]}px!important}`).join('\n')}
:host([hidden]){display:none!important}`;
