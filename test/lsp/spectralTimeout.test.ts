import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as path from 'path';
import { startServer, codes } from '../helpers/lspClient';
import { scratch } from '../helpers/scratch';
import { pathToUri } from '../../server/src/engine/uri';

const SPEC = 'openapi: 3.0.3\ninfo:\n  title: X\n  version: "1"\npaths:\n  /pets:\n    get:\n      responses:\n        "200":\n          description: ok\n';
const TITLE_RULE = (fn: string) => `extends: [[spectral:oas, off]]\nfunctions: [${fn}]\nrules:\n  title-x:\n    severity: error\n    given: "$.info.title"\n    then:\n      function: ${fn}\n`;
const NO_TITLE_X = 'module.exports = (value) => value === "X" ? [{ message: "Title must not be X" }] : [];\n';
const { tempDir, keep } = scratch();

test('a custom function that never returns is stopped at the time limit: one diagnostic names the ruleset, other documents still get Spectral, and fixing the ruleset runs it again', async () => {
  const dir = await tempDir('specgate-timeout-');
  const files: Record<string, string> = {
    'looping/.spectral.yaml': TITLE_RULE('spin'),
    'looping/functions/spin.js': 'module.exports = () => { for (;;) {} };\n',
    'healthy/.spectral.yaml': TITLE_RULE('noTitleX'),
    'healthy/functions/noTitleX.js': NO_TITLE_X,
  };
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
  }
  const server = await startServer({ rootUri: pathToUri(dir), trusted: true, settings: { debounceMs: 20, spectralTimeoutMs: 1500 } });
  keep(server);
  const stuckUri = pathToUri(path.join(dir, 'looping/spec.yaml'));
  const healthyUri = pathToUri(path.join(dir, 'healthy/spec.yaml'));

  const timedOut = server.waitForDiagnostics(stuckUri, (p) => codes(p.diagnostics).includes('specgate-spectral-timeout'));
  // Queued behind the stuck run in the same worker: it must be handed to the fresh one.
  const healthy = server.waitForDiagnostics(healthyUri, (p) => codes(p.diagnostics).includes('title-x'));
  server.open(stuckUri, SPEC);
  server.open(healthyUri, SPEC);
  const { diagnostics } = await timedOut;
  const notes = diagnostics.filter((d) => d.code === 'specgate-spectral-timeout');
  assert.equal(notes.length, 1);
  assert.match(String(notes[0].message), /looping\/\.spectral\.yaml/);
  assert.match(String(notes[0].message), /1\.5 s/);
  assert.match(String(notes[0].codeDescription?.href), /specgate-spectral-timeout\.md$/);
  await healthy;

  // An edit does not run the looping ruleset again: the note stays, the fast layer follows the edit.
  server.change(stuckUri, 2, SPEC.replace('title: X', 'title: Y'));
  await server.waitForAnalysis(stuckUri, 2);
  const last = server.published.filter((p) => p.uri === stuckUri).at(-1)!;
  assert.equal(last.version, 2);
  assert.deepEqual(codes(last.diagnostics).filter((c) => c === 'specgate-spectral-timeout'), ['specgate-spectral-timeout']);

  await fs.writeFile(path.join(dir, 'looping/functions/spin.js'), NO_TITLE_X);
  const fixed = server.waitForDiagnostics(stuckUri, (p) => codes(p.diagnostics).includes('title-x') && !codes(p.diagnostics).includes('specgate-spectral-timeout'));
  void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(path.join(dir, 'looping/functions/spin.js')), type: 2 }] });
  server.change(stuckUri, 3, SPEC);
  await fixed;
});
