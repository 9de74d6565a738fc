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
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-apis-'));
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

interface Summary { name: string; uri?: string; owner?: string; consumers: Array<{ name: string }>; errors: number; warnings: number; breaking?: number }

test('specgate/apis lists every API with owner, findings and breaking changes, open or not, and follows the disk', async () => {
  const before = await server.connection.sendRequest('specgate/apis') as Summary[];
  assert.deepEqual(before.map((a) => [a.name, a.uri, a.owner, a.breaking]), [
    ['billing-api', pathToUri(path.join(dir, 'billing/openapi.yaml')), 'billing-team', 0],
    ['orders-api', pathToUri(path.join(dir, 'orders/openapi.yaml')), 'orders-team', 0],
    ['shipping', pathToUri(path.join(dir, 'shipping/shipping.openapi.yaml')), '@acme/shipping', 0],
  ]);
  const shipping = before.find((a) => a.name === 'shipping')!;
  assert.ok(shipping.warnings >= 5 + 3, `style and cross-API warnings: ${shipping.warnings}`);
  assert.deepEqual(before.find((a) => a.name === 'orders-api')!.consumers.map((c) => c.name), ['storefront', 'mobile-app']);

  const orders = path.join(dir, 'orders/openapi.yaml');
  await fs.writeFile(orders, (await fs.readFile(orders, 'utf8')).replace('customerId:\n          type: string', 'customerId:\n          type: integer'));
  const after = await server.connection.sendRequest('specgate/apis') as Summary[];
  assert.equal(after.find((a) => a.name === 'orders-api')!.breaking, 1);
});
