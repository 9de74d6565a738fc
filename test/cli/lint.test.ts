import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/specs');
let dir: string;

function run(args: string[], cwd = dir) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-cli-'));
  for (const f of ['mixed-naming.yaml', 'clean.yaml']) await fs.copyFile(path.join(FIXTURES, f), path.join(dir, f));
  await fs.writeFile(path.join(dir, 'broken.yaml'), 'openapi: 3.0.0\ninfo:\n  title: [x\n');
  await fs.writeFile(path.join(dir, 'package.json'), '{"name":"not-a-spec"}');
});
after(() => fs.rm(dir, { recursive: true, force: true }));

test('json format: exact LSP-style ranges and the documented fields', () => {
  const r = run(['lint', 'mixed-naming.yaml', '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const findings = JSON.parse(r.stdout) as Array<Record<string, any>>;
  const created = findings.find((f) => f.code === 'specgate-property-casing');
  assert.ok(created);
  assert.deepEqual(Object.keys(created).sort(), ['code', 'file', 'message', 'pointer', 'range', 'severity', 'source']);
  assert.equal(created.pointer, '/components/schemas/order_item/properties/created_at');
  assert.equal(created.file, 'mixed-naming.yaml');
  assert.equal(created.source, 'specgate');
  assert.equal(created.severity, 'warning');
  const text = require('fs').readFileSync(path.join(dir, 'mixed-naming.yaml'), 'utf8') as string;
  const line = text.split('\n').findIndex((l) => l === '        created_at:');
  assert.deepEqual(created.range, { start: { line, character: 8 }, end: { line, character: 18 } });
  const naming = findings.filter((f) => /casing|timestamp/.test(f.code)).map((f) => f.code).sort();
  // Path segments and schema names follow this small document's own (dominant) convention: only real outliers remain.
  assert.deepEqual(naming, ['specgate-operation-id-casing', 'specgate-property-casing', 'specgate-timestamp-format']);
});

test('exit codes: 0 clean, 1 at or above --fail-severity, 2 for usage errors and unreadable input', () => {
  assert.equal(run(['lint', 'clean.yaml']).code, 0);
  assert.equal(run(['lint', 'mixed-naming.yaml']).code, 0, 'warnings do not fail at the default error level');
  const warn = run(['lint', 'mixed-naming.yaml', '--fail-severity', 'warn']);
  assert.equal(warn.code, 1);
  assert.match(warn.stdout, /specgate-property-casing/);
  const broken = run(['lint', 'broken.yaml']);
  assert.equal(broken.code, 1);
  assert.match(broken.stdout, /specgate-syntax/);
  for (const args of [['lint'], ['lint', 'missing.yaml'], ['lint', 'clean.yaml', '--format', 'xml'], ['lint', 'clean.yaml', '--fail-severity', 'fatal'], ['frobnicate'], ['lint', 'clean.yaml', '--bogus']]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^specgate: /);
  }
});

test('an unloadable ruleset exits 2 with the file and the reason', async () => {
  await fs.writeFile(path.join(dir, 'bad-ruleset.yaml'), 'rules:\n  x:\n    given: "$"\n    then:\n      function: nope\n');
  const r = run(['lint', 'clean.yaml', '--ruleset', 'bad-ruleset.yaml']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad-ruleset\.yaml/);
});

test('--ruleset uses that ruleset, and specgate-* entries configure the built-in rules', async () => {
  await fs.writeFile(path.join(dir, 'team.yaml'), 'extends: [[spectral:oas, off]]\nrules:\n  specgate-property-casing: error\n  specgate-timestamp-format: off\n');
  const r = run(['lint', 'mixed-naming.yaml', '--ruleset', 'team.yaml', '--format', 'json']);
  assert.equal(r.code, 1);
  const findings = JSON.parse(r.stdout) as Array<Record<string, any>>;
  assert.equal(findings.find((f) => f.code === 'specgate-property-casing')?.severity, 'error');
  assert.ok(!findings.some((f) => f.code === 'specgate-timestamp-format'));
  assert.ok(!findings.some((f) => String(f.code).startsWith('oas3') || f.code === 'info-contact'));
});

test('sarif format is SARIF 2.1.0 with rules and 1-based regions', () => {
  const r = run(['lint', 'mixed-naming.yaml', '--format', 'sarif']);
  const sarif = JSON.parse(r.stdout);
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0];
  assert.equal(run0.tool.driver.name, 'specgate');
  const result = run0.results.find((x: any) => x.ruleId === 'specgate-property-casing');
  assert.equal(run0.tool.driver.rules[result.ruleIndex].id, 'specgate-property-casing');
  assert.match(run0.tool.driver.rules[result.ruleIndex].helpUri, /specgate-property-casing\.md$/);
  assert.equal(result.level, 'warning');
  assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'mixed-naming.yaml');
  assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
});

test('github format prints workflow annotations with 1-based positions', () => {
  const r = run(['lint', 'mixed-naming.yaml', '--format', 'github']);
  const line = r.stdout.split('\n').find((l) => l.includes('specgate-property-casing'))!;
  assert.match(line, /^::warning file=mixed-naming\.yaml,line=\d+,col=9,endLine=\d+,endColumn=19,title=specgate-property-casing::/);
});

test('text format lists findings per file with a summary; globs and directories expand to spec files only', () => {
  const r = run(['lint', '*.yaml', '--format', 'text']);
  assert.match(r.stdout, /mixed-naming\.yaml\n/);
  assert.match(r.stdout, /\d+:\d+ +warn(ing)? +specgate-property-casing/);
  assert.match(r.stdout, /problems? \(/);
  const all = run(['lint', '.', '--format', 'json']);
  const files = new Set((JSON.parse(all.stdout) as Array<{ file: string }>).map((f) => f.file));
  assert.ok(!files.has('package.json'));
  assert.ok(files.has('mixed-naming.yaml'));
});

test('Arazzo documents get spectral:arazzo and no OpenAPI style rules', async () => {
  await fs.writeFile(path.join(dir, 'flow.arazzo.yaml'), [
    'arazzo: 1.0.1', 'info:', '  title: Order flow', '  version: 1.0.0', 'sourceDescriptions:', '  - name: orders', '    url: ./clean.yaml', '    type: openapi',
    'workflows:', '  - workflowId: placeOrder', '    steps:', '      - stepId: create', '        operationId: listOrderItems', '      - stepId: create', '        operationId: listOrderItems',
  ].join('\n') + '\n');
  const r = run(['lint', 'flow.arazzo.yaml', '--format', 'json']);
  const findings = JSON.parse(r.stdout) as Array<{ code: string }>;
  assert.ok(findings.some((f) => f.code === 'arazzo-workflow-stepId-unique'), JSON.stringify(findings.map((f) => f.code)));
  assert.ok(!findings.some((f) => f.code.startsWith('specgate-') || f.code.startsWith('oas')));
  assert.equal(r.code, 1);
});

test('a reader that closes early (`specgate lint | head`): no EPIPE stack trace, the lint\'s own exit code', async () => {
  for (const args of [['lint', 'mixed-naming.yaml', '--format', 'json', '--fail-severity', 'hint'], ['--help']]) {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed before anything is written: every write of the command meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.doesNotMatch(stderr, /EPIPE|Error/, `${args.join(' ')}: ${stderr}`);
    assert.equal(code, args[0] === 'lint' ? 1 : 0, `${args.join(' ')}: exit ${code}`);
  }
});
