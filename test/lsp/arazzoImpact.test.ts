import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { startServer, LspSession } from '../helpers/lspClient';
import { git, initRepo } from '../helpers/git';
import { pathToUri } from '../../server/src/engine/uri';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/arazzo');
const CLI = path.resolve(__dirname, '../../../dist/cli.js');
let dir: string;
let server: LspSession;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-arazzo-impact-'));
  await fs.cp(FIXTURES, dir, { recursive: true });
  initRepo(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'specs and workflows');
  // Working-copy change: the Swagger 2.0 store no longer returns Order.id, which step `order` reads.
  const store = path.join(dir, 'store.swagger.yaml');
  await fs.writeFile(store, (await fs.readFile(store, 'utf8')).replace('      id:\n        type: string\n      petId', '      petId'));
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false } });
});
after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

test('a removed response field a workflow reads: the Arazzo step, the spec hover and diff --format json all name workflow and step', async () => {
  // 1. The Arazzo file: a diagnostic on the output that reads the removed field.
  const arazzoUri = pathToUri(path.join(dir, 'checkout.arazzo.yaml'));
  const arazzoText = await fs.readFile(path.join(dir, 'checkout.arazzo.yaml'), 'utf8');
  const published = server.waitForDiagnostics(arazzoUri, (p) => p.version === 1);
  server.open(arazzoUri, arazzoText);
  const broken = (await published).diagnostics.filter((d) => d.code === 'specgate-arazzo-workflow-broken');
  assert.equal(broken.length, 1, JSON.stringify((await published).diagnostics));
  const line = arazzoText.split('\n').findIndex((l) => l.includes('orderId: $response.body#/id'));
  assert.equal(broken[0].range.start.line, line);
  assert.match(String(broken[0].message), /^Step `order` breaks: store\.swagger\.yaml POST \/orders changed against HEAD: .*property 'id' removed \[response-optional-property-removed\] \(potentially breaking change for other clients\)\. The step reads `\$response\.body#\/id`\.$/);

  // 2. The spec's hover on the changed node names the workflow and step, and says it was raised to breaking.
  const storeUri = pathToUri(path.join(dir, 'store.swagger.yaml'));
  const storeText = await fs.readFile(path.join(dir, 'store.swagger.yaml'), 'utf8');
  const specPublished = server.waitForDiagnostics(storeUri, (p) => p.version === 1 && p.diagnostics.some((d) => d.code === 'response-optional-property-removed'));
  server.open(storeUri, storeText);
  const specDiagnostics = (await specPublished).diagnostics.filter((d) => d.code === 'response-optional-property-removed');
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: storeUri }, position: specDiagnostics[0].range.start })) as Hover;
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /\*\*Breaking change\*\* `response-optional-property-removed`/);
  assert.match(value, /\*\*Breaks workflows \(potentially breaking change for a generic client; breaking for these workflows\):\*\*\n- workflow `buyPet` step `order` reads `\$response\.body#\/id` \(\[checkout\.arazzo\.yaml\]\(file:\/\/.*checkout\.arazzo\.yaml\)\)/);

  // 3. diff --format json.
  const r = spawnSync(process.execPath, [CLI, 'diff', '--base', 'HEAD', 'store.swagger.yaml', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const changes = JSON.parse(r.stdout).changes as Array<{ id: string; operation: string; level: string; escalatedFrom?: string; workflows: unknown[] }>;
  const post = changes.find((c) => c.operation === 'POST /orders')!;
  assert.deepEqual({ level: post.level, escalatedFrom: post.escalatedFrom, workflows: post.workflows }, {
    level: 'breaking',
    escalatedFrom: 'potentially-breaking',
    workflows: [{ file: 'checkout.arazzo.yaml', workflowId: 'buyPet', stepId: 'order', reason: 'workflow `buyPet` step `order` reads `$response.body#/id`' }],
  });
  const get = changes.find((c) => c.operation === 'GET /orders/{orderId}')!;
  assert.deepEqual({ level: get.level, workflows: get.workflows }, { level: 'potentially-breaking', workflows: [] });
});

test('an enum value a criterion waits for, removed in an unsaved buffer of a $ref\'d schema file: the Arazzo step says so', async () => {
  const arazzoUri = pathToUri(path.join(dir, 'checkout.arazzo.yaml'));
  const schemasUri = pathToUri(path.join(dir, 'pets/schemas.yaml'));
  const schemas = await fs.readFile(path.join(dir, 'pets/schemas.yaml'), 'utf8');
  const rechecked = server.waitForDiagnostics(arazzoUri, (p) => p.diagnostics.some((d) => /waits for/.test(String(d.message))));
  server.open(schemasUri, schemas.replace('            - available\n', ''));
  const d = (await rechecked).diagnostics.filter((x) => x.code === 'specgate-arazzo-workflow-broken' && /waits for/.test(String(x.message)));
  assert.equal(d.length, 1);
  assert.match(String(d[0].message), /^Step `checkPet` breaks: openapi\.yaml GET \/pets\/\{petId\} changed against HEAD: .*enum value "available" removed \[response-property-enum-value-removed\] \(non-breaking change for other clients\)\. The step waits for `\$response\.body#\/status` == "available"\.$/);
});

test('review lists the workflow steps a change breaks, and a change a workflow escalates counts as breaking in the semver bump', () => {
  const review = spawnSync(process.execPath, [CLI, 'review', '--base', 'HEAD', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(review.status, 1, review.stderr);
  const changes = JSON.parse(review.stdout).changes as Array<{ operation?: string; level: string; escalatedFrom?: string; workflows?: unknown[] }>;
  const post = changes.find((c) => c.operation === 'POST /orders')!;
  assert.deepEqual({ level: post.level, escalatedFrom: post.escalatedFrom, workflows: post.workflows }, {
    level: 'breaking',
    escalatedFrom: 'potentially-breaking',
    workflows: [{ file: 'checkout.arazzo.yaml', workflowId: 'buyPet', stepId: 'order', reason: 'workflow `buyPet` step `order` reads `$response.body#/id`' }],
  });
  const markdown = spawnSync(process.execPath, [CLI, 'review', '--base', 'HEAD', '--format', 'markdown'], { cwd: dir, encoding: 'utf8' }).stdout;
  assert.match(markdown, /Workflows this breaks:\n\n- `checkout\.arazzo\.yaml` workflow `buyPet` step `order`: reads `\$response\.body#\/id` \(`response-optional-property-removed`, potentially breaking for other clients\)/);

  // Without the workflow the removal is potentially breaking (minor); the workflow makes it breaking (major).
  const diff = JSON.parse(spawnSync(process.execPath, [CLI, 'diff', '--base', 'HEAD', 'store.swagger.yaml', '--format', 'json'], { cwd: dir, encoding: 'utf8' }).stdout);
  assert.equal(diff.semver, 'major');
  assert.equal(diff.summary.breaking, diff.changes.filter((c: { level: string }) => c.level === 'breaking').length);
});
