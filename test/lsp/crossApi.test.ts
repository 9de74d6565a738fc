import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { startServer, LspSession, codes } from '../helpers/lspClient';
import { pathToUri } from '../../server/src/engine/uri';
import type { Diagnostic } from 'vscode-languageserver-types';
import { writeGovernanceWorkspace } from '../helpers/governanceFixture';

const CROSS_API = ['specgate-cross-api-naming', 'specgate-cross-api-types', 'specgate-cross-api-shared-schema'];
let dir: string;
let server: LspSession;
const uri = (rel: string) => pathToUri(path.join(dir, rel));

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-crossapi-'));
  writeGovernanceWorkspace(dir);
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false } });
});
after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

const crossApi = (p: { diagnostics: Diagnostic[] }) => p.diagnostics.filter((d) => CROSS_API.includes(String(d.code)));

test('with only one API open, its cross-API findings name the other (closed) APIs and point at their nodes', async () => {
  const shipping = uri('shipping/shipping.openapi.yaml');
  const wait = server.waitForDiagnostics(shipping, (p) => crossApi(p).length > 0);
  server.open(shipping, await fs.readFile(path.join(dir, 'shipping/shipping.openapi.yaml'), 'utf8'));
  const published = await wait;
  const found = crossApi(published).map((d) => ({ code: d.code, line: d.range.start.line }));
  assert.deepEqual(found, [
    { code: 'specgate-cross-api-naming', line: 35 },
    { code: 'specgate-cross-api-naming', line: 37 },
    { code: 'specgate-cross-api-types', line: 37 },
    { code: 'specgate-cross-api-types', line: 41 },
    { code: 'specgate-cross-api-shared-schema', line: 43 },
  ]);
  const naming = published.diagnostics.find((d) => d.code === 'specgate-cross-api-naming')!;
  assert.match(String(naming.message), /"customer_id" is the same concept as "customerId" in billing-api, orders-api/);
  assert.deepEqual(naming.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [
    [uri('billing/openapi.yaml'), 35], [uri('orders/openapi.yaml'), 35],
  ]);
  assert.equal(naming.codeDescription?.href.endsWith('docs/rules/specgate-cross-api-naming.md'), true);

  // The CLI reports the same cross-API findings for this file.
  const cli = path.resolve(__dirname, '../../../dist/cli.js');
  const r = spawnSync(process.execPath, [cli, 'lint', '.', '--no-spectral', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  const cliFound = (JSON.parse(r.stdout) as Array<{ file: string; code: string; range: { start: { line: number } } }>)
    .filter((f) => CROSS_API.includes(f.code)).map((f) => ({ file: f.file, code: f.code, line: f.range.start.line }));
  assert.deepEqual(cliFound, found.map((f) => ({ file: path.join('shipping', 'shipping.openapi.yaml'), ...f })));
});

test('findings change when another API changes on disk', async () => {
  const shipping = uri('shipping/shipping.openapi.yaml');
  const billingFile = path.join(dir, 'billing/openapi.yaml');
  // billing-api switches to customer_id: now shipping and billing are the majority, orders the outlier.
  await fs.writeFile(billingFile, (await fs.readFile(billingFile, 'utf8')).replace('customerId:', 'customer_id:'));
  const wait = server.waitForDiagnostics(shipping, (p) => !crossApi(p).some((d) => String(d.message).includes('"customer_id" is the same concept')));
  void server.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri('billing/openapi.yaml'), type: 2 }] });
  const published = await wait;
  assert.equal(crossApi(published).filter((d) => d.code === 'specgate-cross-api-naming').length, 1, 'creationDate is still an outlier');
});

test('a broken catalog descriptor and a bad CODEOWNERS line get one diagnostic each when opened', async () => {
  const storefront = uri('storefront/catalog-info.yaml');
  const text = (await fs.readFile(path.join(dir, 'storefront/catalog-info.yaml'), 'utf8')).replace('- shipping', '- api:inventory-api');
  const wait = server.waitForDiagnostics(storefront, (p) => p.diagnostics.length > 0);
  server.open(storefront, text);
  const { diagnostics } = await wait;
  assert.deepEqual(codes(diagnostics), ['specgate-catalog-unknown-api']);
  assert.equal(diagnostics[0].range.start.line, 11);

  const owners = uri('.github/CODEOWNERS');
  const waitOwners = server.waitForDiagnostics(owners, (p) => p.diagnostics.length > 0);
  server.open(owners, '* @acme/platform\n!billing/ @acme/billing\n', 'codeowners');
  const found = await waitOwners;
  assert.deepEqual(found.diagnostics.map((d) => [d.code, d.range.start.line]), [['specgate-codeowners-pattern', 1]]);
});
