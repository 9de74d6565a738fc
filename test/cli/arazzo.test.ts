import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/arazzo');
let dir: string;

function run(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-cli-arazzo-'));
  await fs.cp(FIXTURES, dir, { recursive: true });
  const checkout = path.join(dir, 'checkout.arazzo.yaml');
  const text = await fs.readFile(checkout, 'utf8');
  await fs.writeFile(path.join(dir, 'broken.arazzo.yaml'), text.replace('$sourceDescriptions.pets.createPet', '$sourceDescriptions.pets.addPet').replace('orderId: $response.body#/id', 'orderId: $response.body#/orderId'));
});
after(() => fs.rm(dir, { recursive: true, force: true }));

test('specgate lint reports a step calling a missing operation and an output pointer into a missing response field', () => {
  const r = run(['lint', 'broken.arazzo.yaml', '--no-spectral', '--format', 'json']);
  assert.equal(r.code, 1, r.stderr);
  const findings = (JSON.parse(r.stdout) as Array<{ file: string; code: string; message: string; range: { start: { line: number } } }>).filter((f) => f.code.startsWith('specgate-arazzo-'));
  assert.deepEqual(findings.map((f) => [f.file, f.code]), [
    ['broken.arazzo.yaml', 'specgate-arazzo-operation-id'],
    ['broken.arazzo.yaml', 'specgate-arazzo-response-body-pointer'],
  ]);
  assert.equal(findings[0].message, 'Operation "addPet" does not exist in source "pets".');
  assert.match(findings[1].message, /the 201 response of POST \/orders has no "orderId"/);
});

test('specgate lint on the clean workflow and its sources: no Arazzo findings, exit 0', () => {
  const r = run(['lint', 'checkout.arazzo.yaml', 'shared.arazzo.yaml', '--no-spectral', '--format', 'json']);
  const findings = (JSON.parse(r.stdout) as Array<{ code: string }>).filter((f) => f.code.startsWith('specgate-arazzo-'));
  assert.deepEqual(findings, []);
  assert.equal(r.code, 0, r.stdout);
});
