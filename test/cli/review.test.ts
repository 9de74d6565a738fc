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
let orders: string;

function run(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-review-'));
  writeGovernanceWorkspace(dir);
  initRepo(dir);
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'three APIs');
  orders = await fs.readFile(path.join(dir, 'orders/openapi.yaml'), 'utf8');
});
after(() => fs.rm(dir, { recursive: true, force: true }));

async function withOrders(text: string, body: () => void | Promise<void>) {
  await fs.writeFile(path.join(dir, 'orders/openapi.yaml'), text);
  try {
    await body();
  } finally {
    await fs.writeFile(path.join(dir, 'orders/openapi.yaml'), orders);
    await fs.rm(path.join(dir, '.specgate'), { recursive: true, force: true });
  }
}

const BREAKING = () => orders.replace('customerId:\n          type: string', 'customerId:\n          type: integer').replace('        totalAmount:\n', '        total_amount:\n');

interface Review {
  reviewers: string[]; approvers: string[]; consumerTeams: string[];
  apis: Array<{ name: string; status: string; owner: string; codeowners: string[]; newFindings: Array<{ code: string; line: number }> }>;
  changes: Array<{ api: string; owner: string; consumers: Array<{ name: string; owner: string }>; id: string; level: string; file: string; line: number }>;
  summary: { breaking: number };
}

test('a breaking change names the owning team and the consumer teams, and exits 1 (json)', () => withOrders(BREAKING(), () => {
  const r = run(['review', '--base', 'HEAD', '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const review = JSON.parse(r.stdout) as Review;
  assert.deepEqual(review.apis.map((a) => [a.name, a.status, a.owner, a.codeowners]), [['orders-api', 'changed', 'orders-team', ['@acme/orders']]]);
  assert.deepEqual(review.approvers, ['@acme/orders', 'orders-team']);
  assert.deepEqual(review.consumerTeams, ['web-team', 'mobile-team']);
  assert.deepEqual(review.reviewers, ['@acme/orders', 'orders-team', 'web-team', 'mobile-team']);
  const typeChange = review.changes.find((c) => c.level === 'breaking' && c.line === 37);
  assert.ok(typeChange, JSON.stringify(review.changes));
  assert.deepEqual([typeChange.api, typeChange.owner, typeChange.file, typeChange.consumers], ['orders-api', 'orders-team', path.join('orders', 'openapi.yaml'),
    [{ name: 'storefront', owner: 'web-team' }, { name: 'mobile-app', owner: 'mobile-team' }]]);
  // New since the base: total_amount (casing, and a cross-API name), customerId's type against the other APIs.
  // The base's findings (the security warning) are not repeated.
  assert.deepEqual(review.apis[0].newFindings.map((f) => [f.code, f.line]).sort(), [
    ['specgate-cross-api-naming', 41], ['specgate-cross-api-types', 36], ['specgate-property-casing', 41],
  ]);
}));

test('markdown is a pull-request comment; github gives annotations on the changed lines', () => withOrders(BREAKING(), () => {
  const md = run(['review', '--base', 'HEAD']);
  assert.equal(md.code, 1);
  assert.match(md.stdout, /^## API review/);
  assert.match(md.stdout, /\*\*Owners who must approve:\*\* @acme\/orders, orders-team/);
  assert.match(md.stdout, /\*\*Consumer teams to ask:\*\* web-team, mobile-team/);
  assert.match(md.stdout, /\| \*\*breaking\*\* \| \[`[a-z-]+`\]\(https:[^)]+\.md\) GET \/orders\/\{orderId\}: .*\| `orders\/openapi\.yaml:37` \|/);
  const gh = run(['review', '--base', 'HEAD', '--format', 'github']);
  assert.equal(gh.code, 1);
  assert.match(gh.stdout, /^::error file=orders\/openapi\.yaml,line=37,title=[a-z-]+ \(orders-api\)::.*\(owner orders-team; consumers: storefront \(web-team\), mobile-app \(mobile-team\)\)$/m);
  assert.match(gh.stdout, /^::notice title=API review::1 API\(s\) changed/m);
}));

test('only non-breaking changes: exit 0, owners still listed', () => withOrders(orders.replace('      required: [id, customerId]\n', '      required: [id, customerId]\n      description: An order.\n'), () => {
  const r = run(['review', '--base', 'HEAD', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const review = JSON.parse(r.stdout) as Review;
  assert.deepEqual(review.apis.map((a) => a.name), ['orders-api']);
  assert.equal(review.summary.breaking, 0);
  assert.deepEqual(review.consumerTeams, [], 'nobody downstream to ask when nothing can break');
}));

test('accepted breaking changes no longer fail the review', () => withOrders(BREAKING(), async () => {
  const commit = git(dir, 'rev-parse', 'HEAD').trim();
  const diff = JSON.parse(run(['diff', '--base', 'HEAD', 'orders/openapi.yaml', '--format', 'json']).stdout) as { changes: Array<{ id: string; pointer: string; level: string }> };
  await fs.mkdir(path.join(dir, '.specgate'), { recursive: true });
  await fs.writeFile(path.join(dir, '.specgate/accepted.yaml'), 'accepted:\n' + diff.changes.map((c) =>
    `  - id: ${c.id}\n    file: orders/openapi.yaml\n    pointer: "${c.pointer}"\n    baseline: ${commit}\n    reason: agreed with consumers\n`).join(''));
  const r = run(['review', '--base', 'HEAD', '--format', 'json']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.equal((JSON.parse(r.stdout) as Review).summary.breaking, 0);
}));

test('nothing changed: exit 0 and says so; usage errors exit 2', () => {
  const r = run(['review', '--base', 'HEAD']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /No API description changed since `HEAD`/);
  assert.equal(run(['review']).code, 2, 'needs --base');
  assert.equal(run(['review', '--base', 'HEAD', '--format', 'sarif']).code, 2);
  assert.equal(run(['review', '--base', '-x']).code, 2);
  const missing = run(['review', '--base', 'no-such-ref']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no-such-ref/);
});
