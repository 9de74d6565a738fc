// `specgate lint` on a large file: Spectral starts in the Spectral worker on the file's value while
// the main thread builds the positioned parse, and the findings are placed on that parse. The
// output must be byte for byte what in-thread Spectral prints. A JavaScript ruleset's probe rule
// says which thread ran it, so the test knows each path was taken.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { bigSpecYaml } from '../helpers/bigSpec';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
let dir: string;

const RULESET = `import { isMainThread } from 'worker_threads';
import { oas } from '@stoplight/spectral-rulesets';
import { oas3 } from '@stoplight/spectral-formats';
export default {
  extends: [[oas, 'all']],
  rules: {
    'thread-probe': { given: '$.info', severity: 'warn', then: { function: () => [{ message: isMainThread ? 'main thread' : 'worker thread' }] } },
    // A rule of the main thread's share of a split run (engine/spectral/ruleSplit.ts), as a probe.
    'oas2-valid-media-example': { given: '$.info', formats: [oas3], severity: 'warn', then: { function: () => [{ message: isMainThread ? 'main thread' : 'worker thread' }] } },
  },
};
`;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-parallel-'));
  await fs.writeFile(path.join(dir, '.spectral.js'), RULESET);
  // Findings of several rules in the document, one in a $ref'd file (placed by Spectral's own parse).
  const { text } = bigSpecYaml(0.3);
  const spec = text
    .replace("      summary: List resource 0\n", "      summary: List resource 0\n      tags: [undeclared]\n")
    .replace("        '403':\n          description: Forbidden.\n", "        '403':\n          $ref: 'shared.yaml#/Forbidden'\n")
    .replace('          example: value-1-2\n', '          example: 42\n');
  await fs.writeFile(path.join(dir, 'api.yaml'), spec);
  await fs.writeFile(path.join(dir, 'shared.yaml'), "Forbidden:\n  description: Forbidden.\n  content:\n    application/json:\n      schema: { type: integer }\n      example: not a number\n");
});
after(() => fs.rm(dir, { recursive: true, force: true }));

function lint(parallelBytes: string, ...extra: string[]) {
  return lintFile('api.yaml', parallelBytes, ...extra);
}

function lintFile(file: string, parallelBytes: string, ...extra: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'lint', file, '--format', 'json', '--fail-severity', 'hint', ...extra], {
    cwd: dir, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 28, env: { ...process.env, SPECGATE_PARALLEL_SPECTRAL_BYTES: parallelBytes },
  });
  assert.equal(r.status, 1, r.stderr);
  return { stdout: r.stdout, findings: JSON.parse(r.stdout) as { file: string; code: string; message: string; range: { start: { line: number } } }[] };
}

test('the worker path prints exactly what in-thread Spectral prints, style guide on and off (off: the rules split between the threads)', () => {
  for (const extra of [[], ['--no-style-guide']]) {
    const inThread = lint('Infinity', ...extra);
    const parallel = lint('0', ...extra);
    const probe = (run: typeof inThread, code: string) => run.findings.find((f) => f.code === code)?.message;
    assert.equal(probe(inThread, 'thread-probe'), 'main thread');
    assert.equal(probe(inThread, 'oas2-valid-media-example'), 'main thread');
    assert.equal(probe(parallel, 'thread-probe'), 'worker thread');
    // With the style guide on the main thread builds the positioned parse and its rules: Spectral is all the worker's.
    assert.equal(probe(parallel, 'oas2-valid-media-example'), extra.length ? 'main thread' : 'worker thread');
    const withoutProbe = (out: string) => out.replace(/"(main|worker) thread"/g, '"probe"');
    assert.equal(withoutProbe(parallel.stdout), withoutProbe(inThread.stdout));
    const own = parallel.findings.filter((f) => f.file === 'api.yaml' && f.code !== 'thread-probe' && !f.code.startsWith('specgate-'));
    assert.ok(new Set(own.map((f) => f.code)).size >= 3, `several Spectral rules: ${[...new Set(own.map((f) => f.code))]}`);
    assert.ok(own.some((f) => f.range.start.line > 100), 'findings placed deep in the file');
    assert.ok(parallel.findings.some((f) => f.file === 'shared.yaml' && f.code === 'oas3-valid-media-example'), 'the $ref\'d file\'s finding');
  }
});

test('below the threshold the file is linted in the main thread', () => {
  assert.equal(lint(String(100 * 2 ** 20)).findings.find((f) => f.code === 'thread-probe')?.message, 'main thread');
});

test('the worker dist/cli.js starts early for a large file it is given and the one the lint command starts for a file found by a glob print the same', () => {
  // api.yaml named: dist/cli.js sees a file over the threshold and starts the worker before the engine loads.
  const named = lint('0');
  // The glob names no file: the lint command starts the worker itself.
  const globbed = lintFile('api.y*ml', '0');
  assert.equal(globbed.findings.find((f) => f.code === 'thread-probe')?.message, 'worker thread');
  assert.equal(globbed.stdout, named.stdout);
});
