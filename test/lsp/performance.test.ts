// Behaviour that makes large specs feel live (no timing assertions: figures live in `npm run bench`):
// Spectral runs in a worker, so requests are answered while it lints; results computed for an old
// version never land on newer text; the last Spectral findings follow edits until Spectral reruns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as path from 'path';
import { startServer, codes } from '../helpers/lspClient';
import { scratch } from '../helpers/scratch';
import { pathToUri } from '../../server/src/engine/uri';

const SPEC = 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        "200":\n          description: ok\n';
const TITLE_LINE = 2;
/** A rule that reports on info.title after keeping Spectral busy (a synchronous wait). */
const SLOW_RULESET = {
  '.spectral.yaml': 'extends: [[spectral:oas, off]]\nfunctions: [slowTitle]\nrules:\n  slow-title:\n    severity: warn\n    given: "$.info.title"\n    then:\n      function: slowTitle\n',
  'functions/slowTitle.js': 'module.exports = () => { const end = Date.now() + 2500; while (Date.now() < end) {} return [{ message: "slow finding" }]; };\n',
};

const { tempDir, keep } = scratch();

async function workspaceWith(files: Record<string, string>, settings: Record<string, unknown> = {}) {
  const dir = await tempDir('specgate-perf-');
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
  }
  const server = await startServer({ rootUri: pathToUri(dir), trusted: true, settings: { debounceMs: 0, ...settings } });
  keep(server);
  return { dir, server, uri: pathToUri(path.join(dir, 'spec.yaml')) };
}

test('hover and code actions are answered while Spectral is still linting', async () => {
  const { server, uri } = await workspaceWith(SLOW_RULESET);
  let spectralDone = false;
  const spectral = server.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('slow-title'), 60_000).then((p) => { spectralDone = true; return p; });
  const fast = server.waitForDiagnostics(uri);
  server.open(uri, SPEC);
  await fast;
  const position = { line: 7, character: 8 };
  await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } });
  assert.equal(spectralDone, false, 'both requests were answered before the slow lint finished');
  const { diagnostics } = await spectral;
  assert.equal(diagnostics.find((d) => d.code === 'slow-title')?.range.start.line, TITLE_LINE);
});

test('Spectral results for an older version are never shown on newer text', async () => {
  const { server, uri } = await workspaceWith(SLOW_RULESET);
  const fast = server.waitForDiagnostics(uri);
  server.open(uri, SPEC);
  await fast;
  // While version 1 is being linted, three lines are inserted above info.title.
  const v2 = '# a\n# b\n# c\n' + SPEC;
  const final = server.waitForDiagnostics(uri, (p) => p.version === 2 && codes(p.diagnostics).includes('slow-title'), 60_000);
  server.change(uri, 2, v2);
  const { diagnostics } = await final;
  assert.equal(diagnostics.find((d) => d.code === 'slow-title')?.range.start.line, TITLE_LINE + 3);
  for (const p of server.published.filter((x) => x.uri === uri && x.version === 2)) {
    for (const d of p.diagnostics.filter((x) => x.code === 'slow-title')) assert.equal(d.range.start.line, TITLE_LINE + 3, 'never the version-1 position');
  }
});

test('large files: Spectral findings from the last save follow edits, and go where an edit touches them', async () => {
  const padding = `  description: ${'x'.repeat(2000)}\n`;
  const spec = SPEC.replace('  version: "1"\n', '  version: "1"\n' + padding);
  const { server, uri } = await workspaceWith({ '.spectral.yaml': 'extends: [[spectral:oas, off]]\nrules:\n  title-x:\n    severity: warn\n    given: "$.info.title"\n    then:\n      function: pattern\n      functionOptions:\n        notMatch: "^T$"\n' }, { largeFileThresholdKB: 1 });
  const opened = server.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('specgate-large-file'));
  server.open(uri, spec);
  const { diagnostics: first } = await opened;
  assert.ok(!codes(first).includes('title-x'), 'no Spectral on open for a large file');
  const saved = server.waitForDiagnostics(uri, (p) => codes(p.diagnostics).includes('title-x'));
  void server.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
  assert.equal((await saved).diagnostics.find((d) => d.code === 'title-x')?.range.start.line, TITLE_LINE);

  // Two lines above: the finding moves with its node, though Spectral does not run.
  const moved = server.waitForDiagnostics(uri, (p) => p.version === 2);
  server.change(uri, 2, '# a\n# b\n' + spec);
  const v2 = (await moved).diagnostics.find((d) => d.code === 'title-x');
  assert.equal(v2?.range.start.line, TITLE_LINE + 2);
  assert.equal(v2?.range.start.character, 9);

  // An edit inside the flagged value: the finding can no longer be trusted, so it goes.
  const touched = server.waitForDiagnostics(uri, (p) => p.version === 3);
  server.change(uri, 3, '# a\n# b\n' + spec.replace('title: T', 'title: TX'));
  assert.ok(!codes((await touched).diagnostics).includes('title-x'));
});
