import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, LspSession } from '../helpers/lspClient';
import { git, initRepo } from '../helpers/git';
import { ORDERS_WITH_STATUS_ENUM } from '../helpers/fixtures';
import { pathToUri } from '../../server/src/engine/uri';
import { main } from '../../server/src/cli';

const V1 = ORDERS_WITH_STATUS_ENUM;
// The only breaking change: an enum value removed from a request parameter. Plus a new optional parameter (minor).
const V2 = V1.replace('enum: [open, closed]', 'enum: [open]').replace("      responses:", '        - {name: limit, in: query, schema: {type: integer}}\n      responses:');

let dir: string;
let server: LspSession;
let uri: string;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-accepted-'));
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

const versionLine = V2.split('\n').findIndex((l) => l.startsWith('info:'));
const hoverOnVersion = async () => {
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: versionLine, character: V2.split('\n')[versionLine].indexOf('1.0.0') + 1 } }) as { contents: { value: string } } | null;
  return hover?.contents.value ?? '';
};
const lastStatus = () => server.notifications.filter((n) => n.method === 'specgate/baseline').map((n) => n.params as { uri: string; semver?: string; breaking: number }).filter((p) => p.uri === uri).at(-1);

async function cliDiffSemver(): Promise<string> {
  let out = '';
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    await main(['diff', '--base', 'HEAD', 'orders.yaml', '--format', 'json'], { write: (s: string) => (out += s) } as never, { write: () => true } as never);
  } finally {
    process.chdir(cwd);
  }
  return (JSON.parse(out) as { semver: string }).semver;
}

test('after the only breaking change is accepted, the info.version hover and the status bar show the bump without it', async () => {
  server.open(uri, V2, 'yaml', 1);
  await server.waitForAnalysis(uri, 1);
  assert.match(await hoverOnVersion(), /Required version bump: major/);
  assert.equal(lastStatus()?.semver, 'major');
  assert.equal(await cliDiffSemver(), 'major');
  const removal = server.published.filter((p) => p.uri === uri && p.version === 1).at(-1)!.diagnostics
    .find((d) => d.code === 'request-parameter-enum-value-removed')!;
  assert.ok(removal, 'the breaking change is shown before acceptance');
  const { pointer } = removal.data as { pointer: string };
  await fs.mkdir(path.join(dir, '.specgate'));
  await fs.writeFile(path.join(dir, '.specgate/accepted.yaml'),
    `accepted:\n  - id: request-parameter-enum-value-removed\n    file: "orders.yaml"\n    pointer: ${JSON.stringify(pointer)}\n    reason: "closed orders are gone"\n`);
  void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToUri(path.join(dir, '.specgate/accepted.yaml')), type: 1 }] });
  server.change(uri, 2, V2);
  await server.waitForAnalysis(uri, 2);
  assert.match(await hoverOnVersion(), /Required version bump: minor/);
  assert.match(await hoverOnVersion(), /0 breaking/);
  assert.equal(lastStatus()?.semver, 'minor');
  assert.equal(lastStatus()?.breaking, 0);
  assert.equal(await cliDiffSemver(), 'minor', 'the CLI agrees');
});
