import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arazzoFindings, covered, fixtureWorkspace } from './helpers';

const CHECKOUT = 'checkout.arazzo.yaml';

test('the checkout workflow over a multi-file 3.0, a Swagger 2.0, a 3.1 and an Arazzo source has no findings', async () => {
  const found = await arazzoFindings(fixtureWorkspace());
  assert.deepEqual(found.map((d) => `${d.code}: ${d.message}`), []);
});

/** Findings after editing the checkout workflow (or another fixture file). */
async function findingsAfter(file: string, from: string, to: string, extra: Record<string, string> = {}) {
  const workspace = fixtureWorkspace({ [file]: [[from, to]] }, extra);
  return { workspace, found: await arazzoFindings(workspace) };
}

function only(found: Awaited<ReturnType<typeof arazzoFindings>>, code: string) {
  assert.deepEqual(found.map((d) => d.code), [code], found.map((d) => d.message).join('\n'));
  return found[0];
}

test('specgate-arazzo-source-unresolved: a missing file and an unparseable file, each one error on its url', async () => {
  let { workspace, found } = await findingsAfter(CHECKOUT, 'url: billing.yaml', 'url: billing-v2.yaml');
  let d = only(found, 'specgate-arazzo-source-unresolved');
  assert.equal(covered(workspace, d), 'billing-v2.yaml');
  assert.match(d.message, /Source "billing" cannot be loaded: file not found/);
  ({ workspace, found } = await findingsAfter('billing.yaml', 'info:\n', 'info: [\n'));
  d = only(found, 'specgate-arazzo-source-unresolved');
  assert.match(d.message, /does not parse/);
  ({ workspace, found } = await findingsAfter(CHECKOUT, 'url: ./shared.arazzo.yaml', 'url: ./billing.yaml'));
  assert.match(only(found, 'specgate-arazzo-source-unresolved').message, /declared as arazzo but \.\/billing\.yaml is an OpenAPI document/);
});

test('specgate-arazzo-source-not-checked: a remote source is not fetched and its steps are not judged; AsyncAPI is skipped', async () => {
  let { found } = await findingsAfter(CHECKOUT, 'url: billing.yaml', 'url: https://billing.example.com/openapi.yaml');
  const d = only(found, 'specgate-arazzo-source-not-checked');
  assert.equal(d.severity, 3);
  assert.match(d.message, /remote and not fetched/);
  ({ found } = await findingsAfter(CHECKOUT, 'url: billing.yaml\n    type: openapi', 'url: billing.asyncapi.yaml\n    type: asyncapi'));
  assert.match(only(found, 'specgate-arazzo-source-not-checked').message, /AsyncAPI source "billing" is not checked/);
});

test('specgate-arazzo-operation-id: missing (qualified and plain), unknown source name, and ambiguous across sources', async () => {
  let { workspace, found } = await findingsAfter(CHECKOUT, '$sourceDescriptions.pets.createPet', '$sourceDescriptions.pets.addPet');
  let d = only(found, 'specgate-arazzo-operation-id');
  assert.equal(covered(workspace, d), '$sourceDescriptions.pets.addPet');
  assert.equal(d.message, 'Operation "addPet" does not exist in source "pets".');
  ({ found } = await findingsAfter(CHECKOUT, 'operationId: createInvoice', 'operationId: createInvoices'));
  assert.match(only(found, 'specgate-arazzo-operation-id').message, /"createInvoices" does not exist in any of the sources "pets", "store", "billing"/);
  ({ found } = await findingsAfter(CHECKOUT, '$sourceDescriptions.pets.createPet', '$sourceDescriptions.animals.createPet'));
  assert.match(only(found, 'specgate-arazzo-operation-id').message, /No source description named "animals"/);
  ({ found } = await findingsAfter('billing.yaml', 'paths:\n', 'paths:\n  /copy:\n    get:\n      operationId: createInvoice\n      responses:\n        "200":\n          description: ok\n'));
  assert.match(only(found, 'specgate-arazzo-operation-id').message, /"createInvoice" is ambiguous: GET \/copy in "billing", POST \/invoices in "billing"\. Qualify it as `\$sourceDescriptions\.<name>\.createInvoice`/);
});

test('specgate-arazzo-operation-path: a missing method and a missing path', async () => {
  let { found } = await findingsAfter(CHECKOUT, '~1pets~1{petId}/get', '~1pets~1{petId}/delete');
  assert.match(only(found, 'specgate-arazzo-operation-path').message, /path "\/pets\/\{petId\}" has no DELETE operation/);
  ({ found } = await findingsAfter(CHECKOUT, '~1pets~1{petId}/get', '~1animals~1{petId}/get'));
  assert.match(only(found, 'specgate-arazzo-operation-path').message, /path "\/animals\/\{petId\}" does not exist/);
});

test('specgate-arazzo-workflow-id: local and in an Arazzo source', async () => {
  let { found } = await findingsAfter(CHECKOUT, 'workflowId: buyPet\n      - stepId', 'workflowId: buyPets\n      - stepId');
  assert.match(only(found, 'specgate-arazzo-workflow-id').message, /Workflow "buyPets" does not exist in this document/);
  ({ found } = await findingsAfter(CHECKOUT, '$sourceDescriptions.shared.refund', '$sourceDescriptions.shared.refunds'));
  assert.equal(only(found, 'specgate-arazzo-workflow-id').message, 'Workflow "refunds" does not exist in source "shared".');
  ({ found } = await findingsAfter(CHECKOUT, '$sourceDescriptions.shared.refund', '$sourceDescriptions.store.refund'));
  assert.match(only(found, 'specgate-arazzo-workflow-id').message, /not an Arazzo document/);
});

test('specgate-arazzo-step-parameter: wrong location and unknown name (header names case-insensitive)', async () => {
  let { workspace, found } = await findingsAfter(CHECKOUT, 'in: path\n            value: $steps', 'in: query\n            value: $steps');
  let d = only(found, 'specgate-arazzo-step-parameter');
  assert.equal(covered(workspace, d), 'query');
  assert.equal(d.message, 'GET /pets/{petId} has parameter "petId" in path, not in query.');
  ({ found } = await findingsAfter(CHECKOUT, '- name: Idempotency-Key\n            in: header', '- name: Idempotency-Key\n            in: header\n            value: x\n          - name: idempotency-key\n            in: header\n          - name: X-Tenant\n            in: header'));
  d = only(found, 'specgate-arazzo-step-parameter');
  assert.match(d.message, /POST \/orders has no header parameter "X-Tenant"/);
});

test('specgate-arazzo-required-parameter: a required header of a Swagger 2.0 operation not given; workflow-level parameters count', async () => {
  const withoutKey = ['        parameters:\n          - name: Idempotency-Key\n            in: header\n            value: \'pet-{$steps.checkPet.outputs.etag}\'\n', ''] as [string, string];
  let { workspace, found } = await findingsAfter(CHECKOUT, ...withoutKey);
  const d = only(found, 'specgate-arazzo-required-parameter');
  assert.equal(d.message, 'Step "order" does not give the required header parameter "Idempotency-Key" of POST /orders.');
  assert.equal(covered(workspace, d), 'operationId');
  const ws = fixtureWorkspace({ [CHECKOUT]: [withoutKey, ['  - workflowId: buyPet\n', '  - workflowId: buyPet\n    parameters:\n      - name: Idempotency-Key\n        in: header\n        value: fixed\n']] });
  found = await arazzoFindings(ws);
  assert.deepEqual(found.map((x) => x.code), []);
});

test('specgate-arazzo-request-body: an unknown payload property (through $ref to another file) and a missing required one (Swagger 2.0 body)', async () => {
  let { workspace, found } = await findingsAfter(CHECKOUT, 'tag: checkout', 'tags: checkout');
  let d = only(found, 'specgate-arazzo-request-body');
  assert.equal(covered(workspace, d), 'tags');
  assert.equal(d.message, 'The request body of POST /pets has no property "tags".');
  ({ workspace, found } = await findingsAfter(CHECKOUT, '            quantity: $inputs.quantity\n', ''));
  d = only(found, 'specgate-arazzo-request-body');
  assert.match(d.message, /lacks required property "quantity" of the request body of POST \/orders/);
});

test('specgate-arazzo-response-body-pointer: a field missing under allOf, in Swagger 2.0, and nested; open maps are left alone', async () => {
  let { workspace, found } = await findingsAfter(CHECKOUT, 'petId: $response.body#/id', 'petId: $response.body#/petId');
  let d = only(found, 'specgate-arazzo-response-body-pointer');
  assert.equal(covered(workspace, d), '$response.body#/petId');
  assert.equal(d.message, '$response.body#/petId: the 201 response of POST /pets has no "petId".');
  ({ found } = await findingsAfter(CHECKOUT, 'orderId: $response.body#/id', 'orderId: $response.body#/orderId'));
  assert.match(only(found, 'specgate-arazzo-response-body-pointer').message, /the 201 response of POST \/orders has no "orderId"/);
  ({ found } = await findingsAfter(CHECKOUT, 'link: $response.body#/links/self', 'link: $response.body#/amount/self'));
  assert.match(only(found, 'specgate-arazzo-response-body-pointer').message, /has no "self" at \/amount/);
  ({ found } = await findingsAfter(CHECKOUT, 'link: $response.body#/links/self', 'link: $response.body#/links/anything'));
  assert.deepEqual(found, []);
});

test('specgate-arazzo-response-body-pointer: the statuses the criteria test choose the schemas', async () => {
  const { found } = await findingsAfter('pets/openapi.yaml', "        '404':\n          description: No such pet\n", "        '404':\n          description: No such pet\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  reason:\n                    type: string\n");
  assert.deepEqual(found, []);
  const ws = fixtureWorkspace({
    'pets/openapi.yaml': [["        '404':\n          description: No such pet\n", "        '404':\n          description: No such pet\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  reason:\n                    type: string\n"]],
    [CHECKOUT]: [["- condition: $statusCode == 200 && $response.body#/status == 'available'", '- condition: $statusCode == 404'], ['etag: $response.header.ETag', 'why: $response.body#/reason\n          status: $response.body#/status'], ["'pet-{$steps.checkPet.outputs.etag}'", "'pet-1'"]],
  });
  const list = await arazzoFindings(ws);
  assert.deepEqual(list.map((d) => d.message), ['$response.body#/status: the 404 response of GET /pets/{petId} has no "status".']);
});

test('specgate-arazzo-response-header: an undocumented header (Swagger 2.0 headers; names case-insensitive)', async () => {
  let { found } = await findingsAfter(CHECKOUT, 'location: $response.header.Location', 'location: $response.header.Locations');
  assert.equal(only(found, 'specgate-arazzo-response-header').message, '$response.header.Locations: header "Locations" is not documented on the 201 response of POST /orders.');
  ({ found } = await findingsAfter(CHECKOUT, 'location: $response.header.Location', 'location: $response.header.location'));
  assert.deepEqual(found, []);
});

test('specgate-arazzo-step-output: an unknown output, a later step, an unknown step; embedded expressions too', async () => {
  let { workspace, found } = await findingsAfter(CHECKOUT, "value: 'pet-{$steps.checkPet.outputs.etag}'", "value: 'pet-{$steps.checkPet.outputs.eTag}'");
  let d = only(found, 'specgate-arazzo-step-output');
  assert.equal(covered(workspace, d), '$steps.checkPet.outputs.eTag');
  assert.match(d.message, /step "checkPet" has no output "eTag" \(outputs: etag\)/);
  ({ found } = await findingsAfter(CHECKOUT, 'value: $steps.createPet.outputs.petId', 'value: $steps.order.outputs.orderId'));
  assert.match(only(found, 'specgate-arazzo-step-output').message, /step "order" runs after this step/);
  ({ found } = await findingsAfter(CHECKOUT, 'invoiceId: $steps.invoice.outputs.invoiceId', 'invoiceId: $steps.invoicing.outputs.invoiceId'));
  assert.match(only(found, 'specgate-arazzo-step-output').message, /workflow "buyPet" has no step "invoicing"/);
});

test('specgate-arazzo-workflow-input: a name missing from the inputs schema; no inputs at all', async () => {
  let { found } = await findingsAfter(CHECKOUT, 'quantity: $inputs.quantity', 'quantity: $inputs.qty');
  assert.equal(only(found, 'specgate-arazzo-workflow-input').message, '$inputs.qty: the inputs schema of workflow "buyPet" has no property "qty".');
  ({ found } = await findingsAfter('shared.arazzo.yaml', 'value: $inputs.orderId', 'value: $inputs.id'));
  assert.deepEqual(found, [], 'findings of another document stay there');
});

test('specgate-arazzo-status-code: a status the operation does not document (2XX ranges and default count as documented)', async () => {
  let { workspace, found } = await findingsAfter(CHECKOUT, "- condition: $statusCode == 201\n        outputs:\n          orderId", "- condition: $statusCode == 202\n        outputs:\n          orderId");
  const d = only(found, 'specgate-arazzo-status-code');
  assert.equal(covered(workspace, d), '202');
  assert.equal(d.message, 'POST /orders does not document status 202 (documented: 201).');
  ({ found } = await findingsAfter('store.swagger.yaml', "        '201':\n          description: Placed", "        2XX:\n          description: Placed"));
  assert.deepEqual(found.filter((x) => x.code === 'specgate-arazzo-status-code'), []);
});

test('specgate-arazzo-enum-value: a compared literal outside the field enum, in a simple and a JSONPath condition', async () => {
  let { found } = await findingsAfter(CHECKOUT, "$response.body#/status == 'available'", "$response.body#/status == 'adopted'");
  assert.equal(only(found, 'specgate-arazzo-enum-value').message, '"adopted" is not a value of $response.body#/status in GET /pets/{petId} (allowed: "available", "pending", "sold").');
  ({ found } = await findingsAfter(CHECKOUT, "$[?(@.status == 'available')]", "$[?(@.status == 'free')]"));
  assert.match(only(found, 'specgate-arazzo-enum-value').message, /"free" is not a value of \$response.body#\/status/);
});

test('Arazzo 1.1: the document is checked against its OpenAPI sources; an AsyncAPI source gets one note and its steps none', async () => {
  const ws = fixtureWorkspace({ [CHECKOUT]: [
    ['arazzo: 1.0.1', 'arazzo: 1.1.0'],
    ['  - name: shared\n', '  - name: events\n    url: ./events.asyncapi.yaml\n    type: asyncapi\n  - name: shared\n'],
    ['$sourceDescriptions.pets.createPet', '$sourceDescriptions.pets.addPet'],
    ['      - stepId: refund\n', '      - stepId: publish\n        operationId: $sourceDescriptions.events.publishOrder\n      - stepId: refund\n'],
  ] });
  const found = await arazzoFindings(ws);
  assert.deepEqual(found.map((d) => `${d.code}: ${d.message}`), [
    'specgate-arazzo-source-not-checked: AsyncAPI source "events" is not checked: Specgate checks steps against OpenAPI and Arazzo sources only.',
    'specgate-arazzo-operation-id: Operation "addPet" does not exist in source "pets".',
  ]);
});
