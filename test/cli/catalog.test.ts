import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { git, initRepo } from '../helpers/git';
import { writeGovernanceWorkspace } from '../helpers/governanceFixture';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
let dir: string;

function run(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-catalog-'));
  writeGovernanceWorkspace(dir);
  initRepo(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'three APIs');
  // orders-api: customerId becomes an integer (breaking for response readers).
  const orders = path.join(dir, 'orders/openapi.yaml');
  await fs.writeFile(orders, (await fs.readFile(orders, 'utf8')).replace('customerId:\n          type: string', 'customerId:\n          type: integer'));
});
after(() => fs.rm(dir, { recursive: true, force: true }));

interface Entry { name: string; file: string | null; owner: string | null; consumers: Array<{ name: string; owner?: string }>; findings: Record<string, number>; departures: Array<{ rule: string; line: number }>; breaking?: Record<string, number> }

test('json: one entry per API with owner, lifecycle, consumers, finding counts and departures', () => {
  const r = run(['catalog', '--no-spectral']);
  assert.equal(r.code, 0, r.stderr);
  const { apis } = JSON.parse(r.stdout) as { apis: Entry[] };
  assert.deepEqual(apis.map((a) => [a.name, a.file, a.owner]), [
    ['billing-api', path.join('billing', 'openapi.yaml'), 'billing-team'],
    ['orders-api', path.join('orders', 'openapi.yaml'), 'orders-team'],
    ['shipping', path.join('shipping', 'shipping.openapi.yaml'), '@acme/shipping'],
  ]);
  const orders = apis.find((a) => a.name === 'orders-api')!;
  assert.deepEqual(Object.keys(orders), ['name', 'title', 'file', 'version', 'owner', 'lifecycle', 'system', 'consumers', 'findings', 'departures']);
  assert.deepEqual(orders.consumers, [{ name: 'storefront', owner: 'web-team' }, { name: 'mobile-app', owner: 'mobile-team' }]);
  const shipping = apis.find((a) => a.name === 'shipping')!;
  assert.ok(shipping.departures.length >= 3, JSON.stringify(shipping.departures));
  assert.ok(shipping.findings.warning >= shipping.departures.length);
  assert.ok(!('breaking' in orders), 'breaking counts only with --base');
});

test('--base adds breaking counts; a new API is marked new', async () => {
  await fs.mkdir(path.join(dir, 'ledger'), { recursive: true });
  await fs.copyFile(path.join(dir, 'billing/openapi.yaml'), path.join(dir, 'ledger/openapi.yaml'));
  try {
    const r = run(['catalog', '.', '--base', 'HEAD', '--no-spectral', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const { apis } = JSON.parse(r.stdout) as { apis: Entry[] };
    const orders = apis.find((a) => a.name === 'orders-api')!;
    assert.ok(orders.breaking!.breaking >= 1, JSON.stringify(orders.breaking));
    assert.deepEqual(apis.find((a) => a.name === 'billing-api')!.breaking, { breaking: 0, potentiallyBreaking: 0, nonBreaking: 0 });
    assert.deepEqual(apis.find((a) => a.name === 'ledger')!.breaking, { breaking: 0, potentiallyBreaking: 0, nonBreaking: 0, baseline: 'new since HEAD' });
  } finally {
    await fs.rm(path.join(dir, 'ledger'), { recursive: true });
  }
});

test('markdown lists owners and consumers; html is one self-contained page with a sortable table', () => {
  const md = run(['catalog', '--format', 'markdown', '--no-spectral']);
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /\| \*\*orders-api\*\*<br>`orders\/openapi.yaml` \| orders-team \| production \| shop \| 1\.4\.0 \| storefront \(web-team\), mobile-app \(mobile-team\) \|/);
  assert.match(md.stdout, /## shipping: departures/);
  const html = run(['catalog', '--format', 'html', '--base', 'HEAD', '--no-spectral']);
  assert.equal(html.code, 0, html.stderr);
  assert.match(html.stdout, /^<!DOCTYPE html>/);
  assert.doesNotMatch(html.stdout, /(src|href)="(https?:)?\/\//, 'nothing loaded from the network');
  assert.match(html.stdout, /<th>Breaking vs HEAD<\/th>/);
  assert.match(html.stdout, /addEventListener\('click'/);
  for (const name of ['orders-api', 'billing-api', 'shipping']) assert.match(html.stdout, new RegExp(`<section id="api-${name}">`));
  assert.match(html.stdout, /<li>storefront \(web-team\)<\/li>/);
});

test('usage errors and a missing ref exit 2', () => {
  assert.equal(run(['catalog', '--format', 'pdf']).code, 2);
  assert.equal(run(['catalog', '--bogus']).code, 2);
  assert.equal(run(['catalog', '--base', '--format']).code, 2);
  const missing = run(['catalog', '--base', 'no-such-ref', '--no-spectral']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no-such-ref/);
});
