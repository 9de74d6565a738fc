/**
 * The team's diff policy in the editor: a level raised in .specgate/changes.yaml and the stable deprecation window
 * (specgate.breaking.deprecationDaysStable) change the diagnostics and say so in the hover, as `specgate diff` does.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, LspSession } from '../helpers/lspClient';
import { git, initRepo } from '../helpers/git';
import { pathToUri } from '../../server/src/engine/uri';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/breaking');
let dir: string;
let server: LspSession;
let v1: string;
let uri: string;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-policy-'));
  v1 = await fs.readFile(path.join(FIXTURES, 'orders-v1.yaml'), 'utf8');
  initRepo(dir);
  await fs.writeFile(path.join(dir, 'orders.yaml'), v1);
  await fs.mkdir(path.join(dir, '.specgate'));
  await fs.writeFile(path.join(dir, '.specgate', 'changes.yaml'), 'levels:\n  response-property-enum-value-added: breaking\n');
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'v1');
  uri = pathToUri(path.join(dir, 'orders.yaml'));
  server = await startServer({
    rootUri: pathToUri(dir),
    settings: { debounceMs: 20, spectralEnabled: false, styleGuideEnabled: false, breaking: { deprecationDaysStable: 90 } },
  });
});

after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;

test('a raised id and a too-short sunset window show as breaking, and the hover states both decisions', async () => {
  const sunset = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const edited = v1
    .replace('enum: [open, shipped]', 'enum: [open, shipped, cancelled]')
    .replace('      operationId: listOrders\n', `      operationId: listOrders\n      deprecated: true\n      x-sunset: '${sunset}'\n`);
  assert.notEqual(edited, v1);
  const wanted = ['response-property-enum-value-added', 'api-sunset-date-too-small'];
  const wait = server.waitForDiagnostics(uri, (p) => wanted.every((code) => p.diagnostics.some((d) => d.code === code)));
  server.open(uri, v1, 'yaml', 1);
  server.change(uri, 2, edited);
  const { diagnostics } = await wait;
  const sunsetDiagnostic = diagnostics.find((d) => d.code === 'api-sunset-date-too-small')!;
  assert.equal(sunsetDiagnostic.range.start.line, lineOf(edited, 'x-sunset'));
  assert.match(String(sunsetDiagnostic.message), /stable operations need a deprecation window of at least 90 days/);

  const enumLine = lineOf(edited, 'enum: [open, shipped, cancelled]');
  const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: enumLine, character: edited.split('\n')[enumLine].indexOf('cancelled') + 2 } })) as { contents: { value: string } };
  assert.match(hover.contents.value, /\*\*Breaking change\*\* `response-property-enum-value-added`/);
  assert.match(hover.contents.value, /Level set by `\.specgate\/changes\.yaml` \(default: Potentially breaking change\)/);
  const versionHover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: lineOf(edited, 'version: 1.0.0'), character: 12 } })) as { contents: { value: string } };
  assert.match(versionHover.contents.value, /Required version bump: major/);
});
