// Entry of dist/public/widget/mt0.js: defines <mt0-widget> once (a second copy of the script on the same
// page must not throw into the host page). Depends on the Svelte runtime, @mt0/core's format and the
// baked snapshot only; never on zod, the core's `compare` or the whole dataset.
import { Mt0Widget } from './element.svelte.js';

try {
  if (!customElements.get('mt0-widget')) customElements.define('mt0-widget', Mt0Widget);
} catch (e) {
  console.warn('<mt0-widget>: could not be defined', e);
}
