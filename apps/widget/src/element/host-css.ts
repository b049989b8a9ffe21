// The rules for <mt0-widget>'s host box. Evaluated at build time (vite.config.ts puts the string into
// mt0.js), so that the code computing the reserved heights does not ship.
import { reserve } from '../lib/embedCodes.js';
import { VIEWS } from '../lib/views.js';

/**
 * Host-box rules. The page cannot reach inside the shadow root, but inherited properties cross it and
 * the host element itself can be styled by the page (even `* { … !important }`); important rules in the
 * shadow tree win over the page's important rules, so reset everything here (`all` leaves custom
 * properties alone, so --mt0-* theming still inherits). Heights are reserved per view: no layout shift.
 */
/**
 * The page sets the reserved height with `--mt0-min-height` (on the element or an ancestor); once the
 * widget has drawn (its figure or its error) the reservation is released and the box fits its content
 * (the `drawn` custom state: a browser without `:state()` drops only that rule and keeps the reservation).
 */
export const HOST_CSS = `:host{all:initial!important;display:block!important;contain:layout paint!important}
${VIEWS.map((v) => `${v === 'compare' ? ':host(:not([view])),' : ''}:host([view=${v}]){min-height:var(--mt0-min-height,${reserve(v)})!important}`).join('\n')}
:host(:state(drawn)){min-height:0!important}
:host([hidden]){display:none!important}`;
