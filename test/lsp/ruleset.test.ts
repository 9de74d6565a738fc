import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, codes } from '../helpers/lspClient';
import { scratch } from '../helpers/scratch';
import { pathToUri } from '../../server/src/engine/uri';

const SPEC = 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\npaths:\n  /pets:\n    get:\n      responses:\n        "200":\n          description: ok\n';
const { tempDir, keep } = scratch();

async function workspaceWith(files: Record<string, string>, trusted = true) {
  const dir = await tempDir('specgate-rs-');
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
  }
  const server = await startServer({ rootUri: pathToUri(dir), trusted, settings: { debounceMs: 20 } });
  keep(server);
  return { dir, server };
}

test('the workspace .spectral.yaml replaces spectral:oas, and a ruleset change applies without restart', async () => {
  const ruleset = 'rules:\n  no-pets:\n    message: "{{property}} mentions pets"\n    severity: error\n    given: "$.paths"\n    then:\n      field: "@key"\n      function: pattern\n      functionOptions:\n        notMatch: pets\n';
  const { dir, server } = await workspaceWith({ '.spectral.yaml': ruleset });
  const uri = pathToUri(path.join(dir, 'spec.yaml'));
  const first = server.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('no-pets'));
  server.open(uri, SPEC);
  const { diagnostics } = await first;
  assert.ok(!codes(diagnostics).some((c) => c.startsWith('oas3') || c === 'info-contact'), 'spectral:oas is not used');
  const finding = diagnostics.find((d) => d.code === 'no-pets')!;
  assert.equal(finding.severity, 1);
  assert.equal(finding.range.start.line, 5);

  await fs.writeFile(path.join(dir, '.spectral.yaml'), 'extends: [[spectral:oas, recommended]]\n');
  const second = server.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('info-contact'));
  void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(path.join(dir, '.spectral.yaml')), type: 2 }] });
  const after = await second;
  assert.ok(!codes(after.diagnostics).includes('no-pets'));
});

test('a ruleset that fails to load gives one diagnostic naming the file and reason, and the server keeps going', async () => {
  const { dir, server } = await workspaceWith({ '.spectral.yaml': 'rules:\n  broken:\n    given: "$"\n    then:\n      function: noSuchFunction\n' });
  const uri = pathToUri(path.join(dir, 'spec.yaml'));
  const wait = server.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('specgate-ruleset-error'));
  // Two kebab-case paths set the document's convention; `/orderItems` is the outlier the style guide reports.
  server.open(uri, SPEC.replace('/pets', '/orderItems') + '  /order-history:\n    get:\n      responses:\n        "200":\n          description: ok\n  /shipping-labels:\n    get:\n      responses:\n        "200":\n          description: ok\n');
  const { diagnostics } = await wait;
  const errors = diagnostics.filter((d) => d.code === 'specgate-ruleset-error');
  assert.equal(errors.length, 1);
  assert.match(String(errors[0].message), /\.spectral\.yaml/);
  assert.match(String(errors[0].message), /noSuchFunction/);
  assert.ok(codes(diagnostics).includes('specgate-path-segment-casing'), 'the built-in style guide still runs');
  await server.waitForAnalysis(uri, 1);
  assert.equal(server.notifications.filter((n) => n.method === 'window/showMessage').length, 1);
});

test('custom functions do not run in an untrusted workspace: one notice, default rulesets instead', async () => {
  const marker = path.join(os.tmpdir(), `specgate-ran-${process.pid}-${Date.now()}`);
  const { dir, server } = await workspaceWith({
    '.spectral.yaml': 'functions: [touch]\nrules:\n  touched:\n    given: "$"\n    then:\n      function: touch\n',
    'functions/touch.js': `module.exports = () => { require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); return []; };`,
  }, false);
  const uris = ['a.yaml', 'b.yaml'].map((n) => pathToUri(path.join(dir, n)));
  for (const uri of uris) {
    const wait = server.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('info-contact'));
    server.open(uri, SPEC);
    await wait;
    await server.waitForAnalysis(uri, 1);
  }
  const notices = server.notifications.filter((n) => n.method === 'window/showMessage');
  assert.equal(notices.length, 1, JSON.stringify(notices));
  assert.match(JSON.stringify(notices[0].params), /not trusted/);
  await assert.rejects(fs.access(marker), 'the custom function never ran');
});

test('custom functions run in a trusted workspace', async () => {
  const { dir, server } = await workspaceWith({
    '.spectral.yaml': 'extends: [[spectral:oas, off]]\nfunctions: [noTitleX]\nrules:\n  title-x:\n    severity: error\n    given: "$.info.title"\n    then:\n      function: noTitleX\n',
    'functions/noTitleX.js': 'module.exports = (value) => value === "X" ? [{ message: "Title must not be X" }] : [];\n',
  });
  const uri = pathToUri(path.join(dir, 'spec.yaml'));
  const wait = server.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('title-x'));
  server.open(uri, SPEC.replace('title: T', 'title: X'));
  const { diagnostics } = await wait;
  const finding = diagnostics.find((d) => d.code === 'title-x')!;
  assert.equal(finding.message, 'Title must not be X');
  assert.deepEqual(finding.range.start, { line: 2, character: 9 });
});
