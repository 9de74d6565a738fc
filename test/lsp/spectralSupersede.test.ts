// An edit stops the Spectral run of the version it replaces: its result would be dropped, and on the
// second core it slows the keystroke's own fast layer (issue 15).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as path from 'path';
import { startServer, codes } from '../helpers/lspClient';
import { scratch } from '../helpers/scratch';
import { pathToUri } from '../../server/src/engine/uri';

const PATHS = 30;
const spec = (title: string) =>
  `openapi: 3.0.3\ninfo:\n  title: ${title}\n  version: "1"\npaths:\n` +
  Array.from({ length: PATHS }, (_, i) => `  /p${i}:\n    get:\n      responses:\n        "200":\n          description: ok\n`).join('');
const RULESET = 'extends: [[spectral:oas, off]]\nfunctions: [slow]\nrules:\n  slow-path:\n    severity: warn\n    given: "$.paths[*]"\n    then:\n      function: slow\n';
// 150 ms per path (4.5 s a run); logs the title of the version it lints, once per call.
const SLOW = `const fs = require('fs');
module.exports = (value, options, context) => {
  fs.appendFileSync(process.env.SPECGATE_TEST_LOG, context.document.data.info.title + '\\n');
  const until = Date.now() + 150;
  while (Date.now() < until) {}
  return [{ message: 'seen in ' + context.document.data.info.title }];
};
`;
const { tempDir, keep } = scratch();

test('an edit stops the Spectral run of the version it replaces, and the new version gets its findings', async () => {
  const dir = await tempDir('specgate-supersede-');
  const log = path.join(dir, 'calls.log');
  await fs.mkdir(path.join(dir, 'functions'));
  await fs.writeFile(path.join(dir, '.spectral.yaml'), RULESET);
  await fs.writeFile(path.join(dir, 'functions/slow.js'), SLOW);
  await fs.writeFile(log, '');
  process.env.SPECGATE_TEST_LOG = log; // inherited by the server and its worker
  const server = await startServer({ rootUri: pathToUri(dir), trusted: true, settings: { debounceMs: 0, spectralTimeoutMs: 120_000 } });
  keep(server);
  const uri = pathToUri(path.join(dir, 'openapi.yaml'));

  // Version 1's run has started once its first call is logged; then the edit arrives.
  server.open(uri, spec('first'));
  while (!(await fs.readFile(log, 'utf8')).includes('first')) await new Promise((r) => setTimeout(r, 20));
  const second = server.waitForDiagnostics(uri, (p) => p.version === 2 && p.diagnostics.some((d) => d.code === 'slow-path'));
  server.change(uri, 2, spec('second'));
  const { diagnostics } = await second;

  const calls = (await fs.readFile(log, 'utf8')).split('\n').filter(Boolean);
  const firstCalls = calls.filter((c) => c === 'first').length;
  assert.ok(firstCalls < PATHS, `version 1's run went on to all ${PATHS} paths after the edit`);
  assert.equal(calls.filter((c) => c === 'second').length, PATHS, 'version 2 ran in full');
  const found = diagnostics.filter((d) => d.code === 'slow-path');
  assert.equal(found.length, PATHS);
  assert.ok(found.every((d) => d.message === 'seen in second'), 'no finding of the stopped run is shown');
  assert.ok(!codes(diagnostics).includes('specgate-spectral-timeout'));
});
