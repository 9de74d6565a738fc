import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffSpecs } from '../../../server/src/engine/diff';
import { parseDocument } from '../../../server/src/engine/document/parsedDocument';
import { loadSpecGraph, type SpecInput } from '../../../server/src/engine/refs';
import { traceChanges } from '../../../server/src/engine/rules/arazzo/workflowImpact';
import type { SourceReader } from '../../../server/src/engine/rules/arazzo/sources';
import { fixtureWorkspace, ROOT } from './helpers';
import type { InMemoryWorkspace } from '../../../server/src/engine/workspace';

const readerOf = (ws: InMemoryWorkspace): SourceReader => async (uri) => {
  const text = await ws.readFile(uri);
  return text === undefined ? undefined : { value: parseDocument(uri, text).value };
};

async function graph(ws: InMemoryWorkspace, uri: string): Promise<SpecInput> {
  const read = readerOf(ws);
  const g = await loadSpecGraph(uri, (await read(uri))!.value, async (u) => (await read(u))?.value);
  return { uri, documents: g.documents };
}

/** Diff of one spec of the fixture between the fixture and an edited copy, traced to the checkout workflows. */
async function traced(file: string, edits: Array<[string, string]>) {
  const base = fixtureWorkspace();
  const revision = fixtureWorkspace({ [file]: edits });
  const specUri = `${ROOT}/${file.startsWith('pets/') ? 'pets/openapi.yaml' : file}`;
  const [b, r] = [await graph(base, specUri), await graph(revision, specUri)];
  const arazzo = [`${ROOT}/checkout.arazzo.yaml`, `${ROOT}/shared.arazzo.yaml`].map((uri) => ({ uri, value: parseDocument(uri, revision.files.get(uri)!).value }));
  return traceChanges(diffSpecs(b, r).changes, b, r, arazzo, readerOf(revision), { allowRemote: false });
}

const summary = (changes: Awaited<ReturnType<typeof traced>>) =>
  changes.filter((c) => c.workflows).map((c) => `${c.level}${c.escalatedFrom ? ` (was ${c.escalatedFrom})` : ''} ${c.id} ${c.operation}: ${c.workflows!.map((w) => w.reason).join('; ')}`);

test('an enum value a criterion waits for, removed from a shared $ref schema in another file: only the comparing step, escalated', async () => {
  const changes = await traced('pets/schemas.yaml', [['            - available\n', '']]);
  assert.deepEqual(summary(changes), ['breaking (was non-breaking) response-property-enum-value-removed GET /pets/{petId}: workflow `buyPet` step `checkPet` waits for `$response.body#/status` == "available"']);
  const untouched = changes.filter((c) => !c.workflows);
  assert.deepEqual(untouched.map((c) => `${c.level} ${c.operation}`).sort(), ['non-breaking GET /pets', 'non-breaking POST /pets'], 'operations no step compares keep their level');
});

test('a response property an output reads, removed from a Swagger 2.0 definition: potentially breaking raised to breaking for the reading step', async () => {
  const changes = await traced('store.swagger.yaml', [['      id:\n        type: string\n      petId', '      petId']]);
  assert.deepEqual(summary(changes), ['breaking (was potentially-breaking) response-optional-property-removed POST /orders: workflow `buyPet` step `order` reads `$response.body#/id`']);
  assert.equal(changes.find((c) => c.operation === 'GET /orders/{orderId}')?.level, 'potentially-breaking', 'the refund workflow never reads id');
});

test('a removed operation, a sent parameter and a sent request property name their steps; breaking changes stay breaking', async () => {
  let changes = await traced('billing.yaml', [['    post:\n      operationId: createInvoice', '    put:\n      operationId: createInvoice']]);
  assert.deepEqual(summary(changes), ['breaking api-removed-without-deprecation POST /invoices: workflow `buyPet` step `invoice` calls `POST /invoices`']);
  changes = await traced('store.swagger.yaml', [['          name: Idempotency-Key\n          type: string', '          name: Idempotency-Key\n          type: integer']]);
  assert.deepEqual(summary(changes).map((s) => s.replace(/^\S+ (\(was \S+\) )?\S+ /, '')), ['POST /orders: workflow `buyPet` step `order` sends header parameter `Idempotency-Key`']);
  changes = await traced('pets/schemas.yaml', [['    tag:\n      type: string\n', '    tag:\n      type: string\n      maxLength: 8\n']]);
  assert.deepEqual(summary(changes), ['breaking request-property-max-length-set POST /pets: workflow `buyPet` step `createPet` sends `tag` in the request body']);
});

test('changes to elements no step uses are not traced', async () => {
  const changes = await traced('billing.yaml', [['        amount:\n          type: number\n', '']]);
  assert.ok(changes.length > 0);
  assert.deepEqual(summary(changes), []);
});
