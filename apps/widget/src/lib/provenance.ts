// The footer's provenance line, shared by the embed pages (server) and mt0.js. Pure, dependency-free.
/**
 * "MT-0 Data Kit · Datos al 29-11-2026 · v0.2.0": the kit, the release date and the version; records not
 * yet released have no date ("Datos: MT-0 Data Kit v0.3.0").
 * @example provenance({ ui: { version: 'Datos: MT-0 Data Kit', asOf: 'Datos al' }, version: '0.2.0', released: '29-11-2026' }) // 'MT-0 Data Kit · Datos al 29-11-2026 · v0.2.0'
 */
export function provenance(d: {
  ui: { version: string; asOf: string };
  version: string;
  released?: string | undefined;
}): string {
  return d.released
    ? `MT-0 Data Kit · ${d.ui.asOf} ${d.released} · v${d.version}`
    : `${d.ui.version} v${d.version}`;
}
