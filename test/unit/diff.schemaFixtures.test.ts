/**
 * One fixture per schema change id: each schema change is placed in every
 * location (request body, request property, parameter, response body, response
 * property, response header) and must be reported with its id, level and pointer.
 */
import { test } from 'node:test';
import { SCHEMA_KINDS, schemaChangeId, type SchemaLocation } from '../../server/src/engine/diff/checks/schemaKinds';
import type { Direction } from '../../server/src/engine/diff/types';
import { SCHEMA_CASES } from '../fixtures/diff/schemaCases';
import { api, diffDocs, expectChange } from './diffHelpers';

type S = Record<string, unknown>;
const OP = '/paths/~1orders/post';
/** Where a schema sits for each location, and how to embed it. */
const SITES: Record<Direction, Partial<Record<SchemaLocation, { root: string; embed: (s: S) => S }>>> = {
  request: {
    body: { root: `${OP}/requestBody/content/application~1json/schema`, embed: (s) => ({ requestBody: { content: { 'application/json': { schema: s } } }, responses: { '200': { description: 'ok' } } }) },
    property: { root: `${OP}/requestBody/content/application~1json/schema/properties/p`, embed: (s) => ({ requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { p: s } } } } }, responses: { '200': { description: 'ok' } } }) },
    parameter: { root: `${OP}/parameters/0/schema`, embed: (s) => ({ parameters: [{ name: 'q', in: 'query', schema: s }], responses: { '200': { description: 'ok' } } }) },
  },
  response: {
    body: { root: `${OP}/responses/200/content/application~1json/schema`, embed: (s) => ({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: s } } } } }) },
    property: { root: `${OP}/responses/200/content/application~1json/schema/properties/p`, embed: (s) => ({ responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { p: s } } } } } } }) },
    header: { root: `${OP}/responses/200/headers/X-Rate/schema`, embed: (s) => ({ responses: { '200': { description: 'ok', headers: { 'X-Rate': { schema: s } } } } }) },
  },
};

for (const kind of SCHEMA_KINDS) {
  const fixture = SCHEMA_CASES[kind.kind];
  for (const direction of ['request', 'response'] as const) {
    for (const [location, site] of Object.entries(SITES[direction]) as Array<[SchemaLocation, { root: string; embed: (s: S) => S }]>) {
      if (kind.structural && (location === 'parameter' || location === 'header')) continue;
      const id = schemaChangeId(kind, direction, location) as string;
      test(`${id} (${kind.kind} in a ${direction} ${location})`, () => {
        if (!fixture) throw new Error(`no fixture for schema kind ${kind.kind}`);
        const [b, r, suffix, side] = fixture;
        const result = diffDocs(api({ '/orders': { post: site.embed(b) } }), api({ '/orders': { post: site.embed(r) } }));
        const change = expectChange(result, id, site.root + suffix, side);
        if (change.operation !== 'POST /orders') throw new Error(`operation ${change.operation}`);
      });
    }
  }
}
