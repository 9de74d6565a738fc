import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { dependentsOf, FileWorkspaceIndex, type WorkspaceChange } from '../../server/src/engine/workspace/workspaceIndex';

const W = 'file:///ws';
const OAS30 = 'openapi: 3.0.3\ninfo: { title: A, version: "1" }\npaths: {}\n';
const OAS31_JSON = '{\n  "openapi": "3.1.0",\n  "info": { "title": "B", "version": "1" },\n  "paths": {}\n}\n';
const SWAGGER = 'swagger: "2.0"\ninfo: { title: C, version: "1" }\npaths: {}\n';
const ARAZZO = 'arazzo: 1.0.1\ninfo: { title: W, version: "1" }\nsourceDescriptions: []\nworkflows: []\n';
const CATALOG = 'apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata: { name: orders }\nspec: { type: openapi }\n';

function indexOf(files: Record<string, string>, exclude: string[] = []) {
  const workspace = new InMemoryWorkspace(files, [W]);
  const index = new FileWorkspaceIndex(workspace, { exclude: () => exclude });
  return { workspace, index };
}

/** Records every whole-file read (text or bytes); prefix reads for classification are not counted. */
function countReads(workspace: InMemoryWorkspace): string[] {
  const reads: string[] = [];
  const readFile = workspace.readFile.bind(workspace);
  const readFileBytes = workspace.readFileBytes.bind(workspace);
  workspace.readFile = async (uri) => { reads.push(uri); return readFile(uri); };
  workspace.readFileBytes = async (uri, maxBytes) => { if (maxBytes === undefined) reads.push(uri); return readFileBytes(uri, maxBytes); };
  return reads;
}

const uris = (list: readonly { uri: string }[]) => list.map((f) => f.uri.slice(W.length + 1));

test('discovers each kind: OpenAPI 3.0/3.1/2.0 in YAML and JSON, Arazzo, rulesets, catalog, CODEOWNERS, Markdown', async () => {
  const { index } = indexOf({
    [`${W}/api/orders.yaml`]: OAS30,
    [`${W}/api/users.json`]: OAS31_JSON,
    [`${W}/legacy/petstore.yml`]: SWAGGER,
    [`${W}/flows/checkout.arazzo.yaml`]: ARAZZO,
    [`${W}/.spectral.yaml`]: 'extends: spectral:oas\n',
    [`${W}/api/.spectral.js`]: 'module.exports = {}',
    [`${W}/catalog-info.yaml`]: CATALOG,
    [`${W}/services/billing/backstage.yaml`]: CATALOG,
    [`${W}/.github/CODEOWNERS`]: '* @team\n',
    [`${W}/CODEOWNERS`]: '* @team\n',
    [`${W}/docs/CODEOWNERS`]: '* @team\n',
    [`${W}/src/CODEOWNERS`]: 'not where git hosts look\n',
    [`${W}/README.md`]: '# Hi\n',
    [`${W}/docs/guide.markdown`]: '# Guide\n',
    [`${W}/package.json`]: '{ "name": "x" }',
    [`${W}/api/schemas/order.yaml`]: 'type: object\n',
    [`${W}/notes.txt`]: 'openapi: 3.0.0',
  });
  await index.ready();
  assert.deepEqual(uris(index.files('openapi')), ['api/orders.yaml', 'api/users.json', 'legacy/petstore.yml']);
  assert.deepEqual(uris(index.files('arazzo')), ['flows/checkout.arazzo.yaml']);
  assert.deepEqual(uris(index.files('ruleset')), ['.spectral.yaml', 'api/.spectral.js']);
  assert.deepEqual(uris(index.files('catalog')), ['catalog-info.yaml', 'services/billing/backstage.yaml']);
  assert.deepEqual(uris(index.files('codeowners')), ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']);
  assert.deepEqual(uris(index.files('markdown')), ['README.md', 'docs/guide.markdown']);
  assert.equal(index.files().length, 13);
});

test('only a prefix is read to classify (a root key far down is not found); a spec without external $refs is never parsed', async () => {
  const padded = '# ' + 'x'.repeat(40_000) + '\nopenapi: 3.0.0\n';
  const big = OAS30 + '# ' + 'y'.repeat(5_000_000) + '\n';
  const workspace = new InMemoryWorkspace({ [`${W}/late.yaml`]: padded, [`${W}/big.yaml`]: big }, [W]);
  const reads = countReads(workspace);
  const index = new FileWorkspaceIndex(workspace);
  await index.ready();
  assert.deepEqual(uris(index.files()), ['big.yaml']);
  // The spec is read once, as bytes, to find its `$ref`s (none: not decoded, not parsed); the other file never whole.
  assert.deepEqual(reads, [`${W}/big.yaml`]);
});

test('.gitignore (root and nested, with a negation), node_modules, .git and specgate.exclude are skipped', async () => {
  const { index } = indexOf({
    [`${W}/.gitignore`]: 'build/\n*.generated.yaml\n',
    [`${W}/build/openapi.yaml`]: OAS30,
    [`${W}/api/a.generated.yaml`]: OAS30,
    [`${W}/api/a.yaml`]: OAS30,
    [`${W}/api/v2/.gitignore`]: 'draft-*.yaml\n!keep.generated.yaml\n',
    [`${W}/api/v2/draft-1.yaml`]: OAS30,
    [`${W}/api/v2/keep.generated.yaml`]: OAS30,
    [`${W}/api/v2/b.yaml`]: OAS30,
    [`${W}/other/draft-1.yaml`]: OAS30,
    [`${W}/node_modules/pkg/openapi.yaml`]: OAS30,
    [`${W}/.git/openapi.yaml`]: OAS30,
    [`${W}/vendor/third-party/openapi.yaml`]: OAS30,
    [`${W}/tmp/x.yaml`]: OAS30,
  }, ['vendor/**', 'tmp/']);
  await index.ready();
  assert.deepEqual(uris(index.files()), ['api/a.yaml', 'api/v2/b.yaml', 'api/v2/keep.generated.yaml', 'other/draft-1.yaml']);
});

test('the $ref graph in both directions, through fragments that are not API descriptions themselves', async () => {
  const { index } = indexOf({
    [`${W}/openapi.yaml`]: OAS30.replace('paths: {}', "paths:\n  /o:\n    $ref: './paths/orders.yaml'\ncomponents:\n  schemas:\n    Order: { $ref: 'schemas/order.yaml#/Order' }\n    Local: { $ref: '#/components/schemas/Order' }\n"),
    [`${W}/paths/orders.yaml`]: "get:\n  responses:\n    '200':\n      content:\n        application/json:\n          schema: { $ref: '../schemas/order.yaml#/Order' }\n",
    [`${W}/schemas/order.yaml`]: "Order:\n  type: object\n  properties:\n    customer: { $ref: './customer.json' }\n    remote: { $ref: 'https://example.com/x.yaml' }\n",
    [`${W}/schemas/customer.json`]: '{ "type": "object" }',
    [`${W}/schemas/unused.yaml`]: "x: { $ref: './customer.json' }\n",
  });
  await index.ready();
  assert.deepEqual(index.references(`${W}/openapi.yaml`), [`${W}/paths/orders.yaml`, `${W}/schemas/order.yaml`]);
  assert.deepEqual(index.references(`${W}/schemas/order.yaml`), [`${W}/schemas/customer.json`], 'remote refs are no edges');
  assert.deepEqual(index.referencedBy(`${W}/schemas/order.yaml`), [`${W}/openapi.yaml`, `${W}/paths/orders.yaml`]);
  // A fragment nobody reaches still joins the graph (a rename of what it references must reach it).
  assert.deepEqual(index.referencedBy(`${W}/schemas/customer.json`), [`${W}/schemas/order.yaml`, `${W}/schemas/unused.yaml`]);
  assert.deepEqual(dependentsOf(index, `${W}/schemas/customer.json`).sort(), [`${W}/openapi.yaml`, `${W}/paths/orders.yaml`, `${W}/schemas/order.yaml`, `${W}/schemas/unused.yaml`]);
  assert.deepEqual(index.referencedBy(`${W}/openapi.yaml`), []);
});

test('change events update only the affected entries and edges, then notify', async () => {
  const { workspace, index } = indexOf({
    [`${W}/openapi.yaml`]: OAS30.replace('paths: {}', "paths:\n  /o: { $ref: './a.yaml' }\n"),
    [`${W}/a.yaml`]: 'get: {}\n',
    [`${W}/b.yaml`]: 'get: {}\n',
    [`${W}/notes.md`]: '# x\n',
  });
  await index.ready();
  const seen: WorkspaceChange[][] = [];
  index.onDidChange((c) => seen.push([...c]));
  const reads = countReads(workspace);

  workspace.setFile(`${W}/openapi.yaml`, OAS30.replace('paths: {}', "paths:\n  /o: { $ref: './b.yaml' }\n"));
  await index.settled();
  assert.deepEqual(index.references(`${W}/openapi.yaml`), [`${W}/b.yaml`]);
  assert.deepEqual(index.referencedBy(`${W}/a.yaml`), []);
  assert.deepEqual(index.referencedBy(`${W}/b.yaml`), [`${W}/openapi.yaml`]);
  assert.deepEqual(reads.sort(), [`${W}/b.yaml`, `${W}/openapi.yaml`], 'the changed file and its new target, nothing else');

  workspace.setFile(`${W}/api/new.json`, OAS31_JSON);
  workspace.setFile(`${W}/notes.md`, '# changed\n');
  workspace.deleteFile(`${W}/openapi.yaml`);
  await index.settled();
  assert.deepEqual(uris(index.files()), ['api/new.json', 'notes.md']);
  assert.deepEqual(index.referencedBy(`${W}/b.yaml`), [], 'a deleted file loses its edges');
  assert.deepEqual(seen.map((batch) => batch.map((c) => `${c.type} ${c.uri.slice(W.length + 1)}`)), [
    ['changed openapi.yaml'], ['created api/new.json'], ['changed notes.md'], ['deleted openapi.yaml'],
  ]);

  // A file that stops being an API description leaves the index.
  workspace.setFile(`${W}/api/new.json`, '{ "name": "not a spec" }');
  await index.settled();
  assert.deepEqual(uris(index.files()), ['notes.md']);
});

test('getText is cached until a change event for that uri; getParsed per text', async () => {
  const { workspace, index } = indexOf({ [`${W}/openapi.yaml`]: OAS30, [`${W}/other.yaml`]: OAS30 });
  await index.ready();
  const reads = countReads(workspace);
  const first = await index.getParsed(`${W}/openapi.yaml`);
  assert.equal(await index.getText(`${W}/openapi.yaml`), OAS30);
  assert.equal(await index.getParsed(`${W}/openapi.yaml`), first);
  assert.equal(reads.length, 1);
  workspace.setFile(`${W}/other.yaml`, OAS30 + '# x\n');
  await index.settled();
  assert.equal(await index.getText(`${W}/openapi.yaml`), OAS30);
  assert.deepEqual(reads, [`${W}/openapi.yaml`, `${W}/other.yaml`], 'another file changing re-reads only that file (for its edges)');
  workspace.setFile(`${W}/openapi.yaml`, OAS31_JSON);
  // Right after the event, before the index has absorbed it: never the old text.
  assert.equal(await index.getText(`${W}/openapi.yaml`), OAS31_JSON);
  await index.settled();
  assert.equal((await index.getParsed(`${W}/openapi.yaml`))?.format, 'oas3.1');
});

test('a .gitignore change or a new exclude rescans', async () => {
  const exclude: string[] = [];
  const workspace = new InMemoryWorkspace({ [`${W}/a/openapi.yaml`]: OAS30, [`${W}/b/openapi.yaml`]: OAS30 }, [W]);
  const index = new FileWorkspaceIndex(workspace, { exclude: () => exclude });
  await index.ready();
  assert.equal(index.files().length, 2);
  workspace.setFile(`${W}/.gitignore`, 'a/\n');
  await index.settled();
  assert.deepEqual(uris(index.files()), ['b/openapi.yaml']);
  exclude.push('b/**');
  await index.refreshSettings();
  assert.deepEqual(uris(index.files()), []);
  // An event for an ignored file does not index it.
  workspace.setFile(`${W}/a/new.yaml`, OAS30);
  await index.settled();
  assert.deepEqual(uris(index.files()), []);
});
