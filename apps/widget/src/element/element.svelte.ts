// The <mt0-widget> custom element: a small class around Svelte's `mount`, with an open shadow root whose
// styles are adopted as constructed stylesheets (a host page's `style-src` CSP does not block those).
// Attribute changes replace a `$state.raw` object the mounted Host reads (raw: no proxy in the bundle).
import { mount, unmount } from 'svelte';
import css from '../lib/widget.css?inline';
import { ATTRS, type Attrs, unknownAttributes } from './attrs.js';
import Host from './Host.svelte';

const DEFAULT_API = new URL(import.meta.url).origin;

/** host-css.ts's HOST_CSS, put in as a string by vite.config.ts (its reserved heights are computed at build). */
declare const __MT0_HOST_CSS__: string;

function adopt(root: ShadowRoot, text: string) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    root.adoptedStyleSheets = [sheet];
  } catch {
    // Browsers without constructable stylesheets (Safari before 16.4): a <style> in the shadow root.
    root.innerHTML = '<style></style>';
    (root.firstChild as HTMLStyleElement).textContent = text;
  }
}

export class Mt0Widget extends HTMLElement {
  static observedAttributes = ATTRS;
  attrs: Attrs = $state.raw({});
  #app: Record<string, unknown> | undefined;
  #states: Partial<Set<string>> | undefined = this.attachInternals().states;

  /** Releases (or restores) the reserved height: set once a figure or an error is drawn (no custom states in older browsers: it stays). */
  drawn(yes: boolean) {
    if (yes) this.#states?.add?.('drawn');
    else this.#states?.delete?.('drawn');
  }

  connectedCallback() {
    if (this.#app) return;
    try {
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      if (root.adoptedStyleSheets.length === 0) adopt(root, `${__MT0_HOST_CSS__}\n${css}`);
      this.attrs = Object.fromEntries(ATTRS.map((a) => [a, this.getAttribute(a)]));
      const unknown = unknownAttributes(this.getAttributeNames());
      if (unknown.length)
        console.warn(`<mt0-widget>: unknown attributes ignored: ${unknown}; allowed: ${ATTRS}`);
      const self = this;
      this.#app = mount(Host, {
        target: root,
        props: {
          get attrs() {
            return self.attrs;
          },
          host: this,
          defaultApi: DEFAULT_API,
        },
      });
    } catch (e) {
      console.warn('<mt0-widget>: could not render', e);
    }
  }

  attributeChangedCallback(name: string, _old: string | null, value: string | null) {
    if (this.attrs[name as keyof Attrs] !== value) this.attrs = { ...this.attrs, [name]: value };
  }

  disconnectedCallback() {
    // Moving the element in the DOM disconnects and reconnects it: only unmount if it stays out.
    queueMicrotask(() => {
      if (!this.isConnected && this.#app) {
        unmount(this.#app);
        this.#app = undefined;
      }
    });
  }
}
