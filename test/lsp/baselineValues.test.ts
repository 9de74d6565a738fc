import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, LspSession } from '../helpers/lspClient';
import { git, initRepo } from '../helpers/git';
import { pathToUri } from '../../server/src/engine/uri';

/** Scalars that YAML 1.1 and 1.2 read differently (bug: the baseline used the 1.1 reading). */
const SPEC = [
  'openapi: 3.0.3',
  'info: {title: Scalars, version: 1.10}',
  'paths:',
  '  /items:',
  '    get:',
  '      parameters:',
  '        - {name: a, in: query, schema: {type: number, minimum: -.5, maximum: +.5}}',
  '        - {name: b, in: query, schema: {type: integer, minimum: 0b101, maximum: 0o17}}',
  '        - {name: c, in: query, schema: {type: integer, minimum: 017, maximum: 1_000}}',
  '        - {name: d, in: query, schema: {type: string, default: 2024-01-01, enum: [2024-01-01, 12:30:00, "1.0", 1.0, ~]}}',
  '        - {name: e, in: query, schema: {type: number, minimum: -.inf, maximum: .inf, multipleOf: .NaN}}',
  '        - {name: f, in: query, schema: {type: string, enum: [yes, no, on, off, null, Null, 1.10, "1.10"]}}',
  '      responses:',
  "        '200':",
  '          description: ok',
  '          content:',
  '            application/json:',
  '              schema:',
  '                type: object',
  '                properties:',
  '                  x: {type: number, maximum: +.5e1, minimum: -.5E-1}',
  // A merge key without an alias: an alias anywhere sends the whole file to the full parser.
  'x-use:',
  '  <<: {minimum: -.5}',
  '  maximum: .5',
].join('\n') + '\n';

let dir: string;
let server: LspSession;
let uri: string;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-scalars-'));
  initRepo(dir);
  await fs.writeFile(path.join(dir, 'scalars.yaml'), SPEC);
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'scalars');
  uri = pathToUri(path.join(dir, 'scalars.yaml'));
  server = await startServer({
    rootUri: pathToUri(dir),
    settings: { debounceMs: 20, spectralEnabled: false, styleGuideEnabled: false, breaking: { enabled: true, minLevel: 'non-breaking' } },
  });
});

after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

const breakingOf = (version: number) => {
  const last = server.published.filter((p) => p.uri === uri && p.version === version).at(-1);
  return (last?.diagnostics ?? []).filter((d) => (d.data as { kind?: string } | undefined)?.kind === 'breaking');
};

test('a committed spec with YAML 1.1/1.2-ambiguous scalars, opened unchanged, has no breaking diagnostics', async () => {
  server.open(uri, SPEC, 'yaml', 1);
  await server.waitForAnalysis(uri, 1);
  const status = server.notifications.filter((n) => n.method === 'specgate/baseline').map((n) => n.params as { uri: string; state: string; breaking: number; nonBreaking: number }).filter((p) => p.uri === uri).at(-1);
  assert.equal(status?.state, 'ok', 'compared against the committed baseline');
  assert.deepEqual(breakingOf(1).map((d) => `${d.code} @${d.range.start.line}`), []);
  assert.equal(status?.breaking, 0);
  assert.equal(status?.nonBreaking, 0);
});

test('control: a real change to one of those scalars is still reported', async () => {
  server.change(uri, 2, SPEC.replace('minimum: -.5, maximum: +.5', 'minimum: -.4, maximum: +.5'));
  await server.waitForAnalysis(uri, 2);
  assert.deepEqual(breakingOf(2).map((d) => d.code), ['request-parameter-min-increased']);
});
