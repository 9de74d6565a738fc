#!/usr/bin/env node
// `npm run bench:big` (issue 18): `specgate lint` on monolithic specs of ~50 MB against the floor,
// one plain `yaml` parseDocument of the same text in a fresh process, measured in the same run.
// Specs: the generated YAML monolith of test/helpers/bigSpec.ts (BIG_MB, default 50) and GitHub's
// description copied four times as JSON (bench/bigSpec.mjs, 42 MB). Nothing is committed but the
// results (bench/results-big.md/.json); the specs are written under bench/.cache/big/.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { runNode, TOOLS } from './cli.mjs';
import { bigSpec } from './bigSpec.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const DIR = join(ROOT, 'bench/.cache/big');
const MB = Number(process.env.BIG_MB ?? 50);
mkdirSync(DIR, { recursive: true });
const log = (m) => process.stderr.write(`bench: ${m}\n`);
const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const { bigSpecYaml } = createRequire(import.meta.url)(join(ROOT, 'out/test/helpers/bigSpec.js'));

const specs = [];
const yamlFile = join(DIR, `monolith-${MB}mb.yaml`);
if (!existsSync(yamlFile)) writeFileSync(yamlFile, bigSpecYaml(MB).text);
specs.push({ name: `generated monolith (YAML)`, file: yamlFile });
const jsonFile = join(DIR, 'github-x4.json');
if (!existsSync(jsonFile)) writeFileSync(jsonFile, JSON.stringify(bigSpec(4), null, 2));
specs.push({ name: `GitHub × 4 (JSON)`, file: jsonFile });

/** One parseDocument in a fresh process: the floor, under the load of this run. */
function plainParse(file) {
  const script = `const Y=require(${JSON.stringify(join(ROOT, 'node_modules/yaml'))});const t=require('fs').readFileSync(${JSON.stringify(file)},'utf8');const s=performance.now();Y.parseDocument(t);process.stdout.write(String((performance.now()-s)/1000))`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return Number(r.stdout);
}

const results = { date: new Date().toISOString(), commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(), node: process.version, loadBefore: uptime(), specs: [] };
for (const spec of specs) {
  const bytes = readFileSync(spec.file).length;
  log(`${spec.name}: ${(bytes / 2 ** 20).toFixed(1)} MB`);
  const parse = plainParse(spec.file);
  log(`  yaml parseDocument ${parse.toFixed(1)} s`);
  const out = join(DIR, `${spec.name.replace(/\W+/g, '-')}.lint.json`);
  const lint = runNode(TOOLS.specgate, ['lint', spec.file, '--format', 'json'], { cwd: DIR, outFile: out });
  const findings = lint.status === 0 || lint.status === 1 ? JSON.parse(readFileSync(out, 'utf8')).length : NaN;
  const parseAfter = plainParse(spec.file);
  log(`  specgate lint ${lint.seconds.toFixed(1)} s (exit ${lint.status}, ${findings} findings, peak ${(lint.peakRssBytes / 2 ** 20).toFixed(0)} MB); parse again ${parseAfter.toFixed(1)} s`);
  results.specs.push({ ...spec, bytes, parse: (parse + parseAfter) / 2, parses: [parse, parseAfter], lint: lint.seconds, status: lint.status, findings, peakRssBytes: lint.peakRssBytes, ratio: lint.seconds / ((parse + parseAfter) / 2) });
}
results.loadAfter = uptime();

const md = [
  '# Big specs: `specgate lint` against a plain parse (issue 18)',
  '',
  `${results.date}, commit ${results.commit}, Node ${results.node}. Load: before \`${results.loadBefore}\`; after \`${results.loadAfter}\`.`,
  'Default rulesets (built-in style guide and `spectral:oas`); the floor is one `yaml` `parseDocument` of the same text in a fresh process, before and after the lint (mean).',
  '',
  '| spec | size | yaml parseDocument | specgate lint | ratio | findings | peak RSS |',
  '|---|---|---|---|---|---|---|',
  ...results.specs.map((r) => `| ${r.name} | ${(r.bytes / 2 ** 20).toFixed(1)} MB | ${r.parse.toFixed(1)} s | ${r.lint.toFixed(1)} s | ${r.ratio.toFixed(2)}× | ${r.findings} | ${Math.round(r.peakRssBytes / 2 ** 20)} MB |`),
  '',
].join('\n');
writeFileSync(join(ROOT, 'bench/results-big.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(join(ROOT, 'bench/results-big.md'), md);
process.stdout.write(md);
