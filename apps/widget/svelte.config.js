// Svelte compiler options shared by svelte-check and the Vite builds (each build adds its own target).
export default { compilerOptions: { runes: true } };
