import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, LspSession } from '../helpers/lspClient';
import { pathToUri } from '../../server/src/engine/uri';
import { git, initRepo } from '../helpers/git';
import { writeGovernanceWorkspace } from '../helpers/governanceFixture';

let dir: string;
let server: LspSession;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-audience-'));
  writeGovernanceWorkspace(dir);
  initRepo(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'three APIs');
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false } });
});
after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

async function openChanged(rel: string, from: string, to: string) {
  const uri = pathToUri(path.join(dir, rel));
  const text = (await fs.readFile(path.join(dir, rel), 'utf8')).replace(from, to);
  const wait = server.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'response-property-type-changed'));
  server.open(uri, text);
  const published = await wait;
  const change = published.diagnostics.find((d) => d.code === 'response-property-type-changed')!;
  const hover = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: change.range.start }) as { contents: { value: string } } | null;
  return { uri, hover };
}

test('the hover on a breaking change names the owner and every consumer with its owner', async () => {
  const { uri, hover } = await openChanged('orders/openapi.yaml', 'customerId:\n          type: string', 'customerId:\n          type: integer');
  assert.ok(hover, 'a hover on the changed property');
  assert.match(hover.contents.value, /response-property-type-changed/);
  assert.match(hover.contents.value, /\*\*Who to tell:\*\* `orders-api` is owned by orders-team; consumers: storefront \(owner: web-team\), mobile-app \(owner: mobile-team\)\./);
  const report = await server.connection.sendRequest('workspace/executeCommand', { command: 'specgate.report', arguments: [uri] }) as { markdown: string };
  assert.match(report.markdown, /# API changes: openapi\.yaml\n\*\*Who to tell:\*\* `orders-api` is owned by orders-team/);
});

test('an API without a descriptor: owner from CODEOWNERS, consumers from components', async () => {
  const { hover } = await openChanged('shipping/shipping.openapi.yaml', 'customer_id:\n          type: string', 'customer_id:\n          type: integer');
  assert.ok(hover);
  assert.match(hover.contents.value, /`shipping` is owned by @acme\/shipping; consumers: storefront \(owner: web-team\)\./);
});
