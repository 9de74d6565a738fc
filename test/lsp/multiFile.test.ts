import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { startServer, LspSession, codes } from '../helpers/lspClient';
import { pathToUri } from '../../server/src/engine/uri';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/multifile');
let dir: string;
let server: LspSession;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-multi-'));
  await fs.cp(FIXTURES, dir, { recursive: true });
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20 } });
});
after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

test('a naming problem inside a $ref\'d file is reported in that file, at the exact key', async () => {
  const root = pathToUri(path.join(dir, 'openapi.yaml'));
  const fragment = pathToUri(path.join(dir, 'schemas/order.yaml'));
  const wait = server.waitForDiagnostics(fragment, (p) => codes(p.diagnostics).includes('specgate-property-casing'));
  server.open(root, await fs.readFile(path.join(dir, 'openapi.yaml'), 'utf8'));
  const { diagnostics } = await wait;
  const finding = diagnostics.find((d) => d.code === 'specgate-property-casing')!;
  assert.deepEqual(finding.range, { start: { line: 6, character: 2 }, end: { line: 6, character: 12 } });
  assert.match(String(finding.message), /createdAt/);
  const rootPublishes = server.published.filter((p) => p.uri === root);
  assert.ok(!rootPublishes.some((p) => p.diagnostics.some((d) => d.code === 'specgate-property-casing')), 'not reported in the root');
});

test('the CLI reports the same finding under the referenced file', () => {
  const cli = path.resolve(__dirname, '../../../dist/cli.js');
  const r = spawnSync(process.execPath, [cli, 'lint', 'openapi.yaml', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  const findings = JSON.parse(r.stdout) as Array<{ file: string; code: string; range: { start: { line: number } } }>;
  const casing = findings.filter((f) => f.code === 'specgate-property-casing');
  assert.deepEqual(casing.map((f) => [f.file, f.range.start.line]), [[path.join('schemas', 'order.yaml'), 6]]);
});
