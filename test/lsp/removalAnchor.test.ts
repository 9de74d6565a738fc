import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, LspSession } from '../helpers/lspClient';
import { git, initRepo } from '../helpers/git';
import { pathToUri } from '../../server/src/engine/uri';
import { main } from '../../server/src/cli';

const V1 = [
  'openapi: 3.0.3',
  'info: {title: Orders, version: 1.0.0}',
  'paths:',
  '  /orders:',
  '    get:',
  '      parameters:',
  '        - name: include',
  '          in: query',
  '          schema:',
  '            type: string',
  '            enum: [items, customer, payments]',
  '      responses:',
  "        '200': {description: ok}",
].join('\n') + '\n';
// A new required parameter inserted before `include` (its index moves 0 → 1), and one of `include`'s values removed.
const V2 = V1.replace('        - name: include', [
  '        - name: region',
  '          in: query',
  '          required: true',
  '          schema:',
  '            type: string',
  '            enum: [eu, us, apac]',
  '        - name: include',
].join('\n')).replace('enum: [items, customer, payments]', 'enum: [items, customer]');

const lines = V2.split('\n');
const includeEnumLine = lines.findIndex((l) => l.includes('enum: [items, customer]'));
const includeStart = lines.findIndex((l) => l.includes('name: include'));

let dir: string;
let server: LspSession;
let uri: string;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-anchor-'));
  initRepo(dir);
  await fs.writeFile(path.join(dir, 'orders.yaml'), V1);
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'v1');
  await fs.writeFile(path.join(dir, 'orders.yaml'), V2);
  uri = pathToUri(path.join(dir, 'orders.yaml'));
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false, styleGuideEnabled: false } });
});

after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<string> {
  let out = '';
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    await main(['diff', '--base', 'HEAD', 'orders.yaml', ...args], { write: (s: string) => (out += s) } as never, { write: () => true } as never);
  } finally {
    process.chdir(cwd);
  }
  return out;
}

test('editor: a removed enum value of a parameter whose index shifted is shown on that parameter, not on the new one', async () => {
  server.open(uri, V2, 'yaml', 1);
  await server.waitForAnalysis(uri, 1);
  const diagnostics = server.published.filter((p) => p.uri === uri && p.version === 1).at(-1)!.diagnostics;
  const removal = diagnostics.find((d) => d.code === 'request-parameter-enum-value-removed');
  assert.ok(removal, JSON.stringify(diagnostics.map((d) => d.code)));
  assert.equal(removal.range.start.line, includeEnumLine, `on include's enum (line ${includeEnumLine}), got line ${removal.range.start.line}`);
  const added = diagnostics.find((d) => d.code === 'new-required-request-parameter');
  assert.ok(added && added.range.start.line < includeStart, 'the new parameter is reported on itself');
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: includeEnumLine, character: 14 } }) as { contents: { value: string } } | null;
  assert.match(hover?.contents.value ?? '', /request-parameter-enum-value-removed/);
});

test('CLI: diff --format github and sarif put the removal on the same line as the editor', async () => {
  const github = await cli('--format', 'github');
  const line = /request-parameter-enum-value-removed/.test(github) ? /line=(\d+)[^\n]*request-parameter-enum-value-removed/.exec(github)?.[1] : undefined;
  assert.equal(Number(line), includeEnumLine + 1, github);
  const sarif = JSON.parse(await cli('--format', 'sarif')) as { runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { region?: { startLine: number } } }> }> }> };
  const result = sarif.runs[0].results.find((r) => r.ruleId === 'request-parameter-enum-value-removed')!;
  assert.equal(result.locations[0].physicalLocation.region?.startLine, includeEnumLine + 1);
});
