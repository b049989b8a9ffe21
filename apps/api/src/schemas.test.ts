// The API names core's record schemas in its OpenAPI document whatever order the modules were
// evaluated in: here core's schemas are made before @hono/zod-openapi has extended zod.
import { observationSchema } from '@mt0/core/schemas';
import { describe, expect, it } from 'vitest';

type Doc = {
  components: { schemas: Record<string, unknown> };
  paths: Record<
    string,
    { get: { responses: Record<string, { content: Record<string, { schema: unknown }> }> } }
  >;
};

describe('core schemas evaluated before zod is extended for OpenAPI', () => {
  it('are still named components of the document, referenced by the routes that answer them', async () => {
    // The situation under test: zod copies prototype methods onto a schema when it is made, so a core
    // schema made before the extension has no .openapi of its own (and never gets one).
    expect('openapi' in observationSchema).toBe(false);
    const { app } = await import('./app.js');
    const doc = (await (await app.request('/openapi.json')).json()) as Doc;
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Observation', 'ReportedChange', 'Event', 'Geo']),
    );
    const answer = doc.paths['/v1/observations']?.get.responses['200']?.content['application/json']?.schema;
    expect(answer).toEqual({ $ref: '#/components/schemas/ObservationList' });
    expect(JSON.stringify(doc.components.schemas.ObservationList)).toContain(
      '"$ref":"#/components/schemas/Observation"',
    );
  });
});
