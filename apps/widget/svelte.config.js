// Svelte compiler options shared by svelte-check and the Vite builds (each build adds its own target).
// `discloseVersion: false`: the browser bundles skip Svelte's `window.__svelte.v` registration (bytes of
// every embed for a global the host page never needs).
export default { compilerOptions: { runes: true, discloseVersion: false } };
