#!/usr/bin/env node
// `npm run bench`: Specgate on real specs, side by side with spectral-cli and redocly.
// Env: BENCH_SPECS=launchdarkly,twilio,digitalocean,github (subset), BENCH_RUNS=5 (runs per tool),
//      BENCH_SLOW_RUNS=1 (spectral-cli on GitHub), BENCH_SKIP=lsp,cli,diff (skip sections).
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { CACHE, ensureSpec } from './fetch.mjs';
import { TOOLS, runNode } from './cli.mjs';
import { summary, percentile, median } from './stats.mjs';
import { lspSession } from './lspScenario.mjs';
import { compareFindings } from './equivalence.mjs';
import { renderMarkdown, evaluateTargets } from './report.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SLOW_RUNS = Number(process.env.BENCH_SLOW_RUNS ?? 1);
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const SPEC_NAMES = (process.env.BENCH_SPECS ?? 'launchdarkly,twilio,digitalocean,github').split(',');
/** A tool whose single run takes longer than this is run once only on that spec. */
const SLOW_SECONDS = 45;
const log = (m) => process.stderr.write(`bench: ${m}\n`);

if (!existsSync(TOOLS.specgate) || !existsSync(join(ROOT, 'dist/server.js')) || !existsSync(join(ROOT, 'dist/spectralWorker.js'))) {
  log('building dist/ (production bundle, as shipped)');
  execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });
}

const started = new Date();
const machine = {
  nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
};
const commit = (() => { try { return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(); } catch { return 'unknown'; } })();
const versions = {
  spectralCli: JSON.parse(readFileSync(join(ROOT, 'node_modules/@stoplight/spectral-cli/package.json'), 'utf8')).version,
  redocly: JSON.parse(readFileSync(join(ROOT, 'node_modules/@redocly/cli/package.json'), 'utf8')).version,
  specgate: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
};

// Rulesets: spectral:oas for spectral-cli and specgate; redocly's recommended ruleset with its
// two example-validation rules switched on, the closest equivalent (see bench/README.md).
const rulesetsDir = join(CACHE, 'rulesets');
mkdirSync(rulesetsDir, { recursive: true });
const spectralRuleset = join(rulesetsDir, '.spectral.yaml');
writeFileSync(spectralRuleset, 'extends: ["spectral:oas"]\n');
const redoclyConfig = join(rulesetsDir, 'redocly.yaml');
writeFileSync(redoclyConfig, 'extends:\n  - recommended\nrules:\n  no-invalid-media-type-examples: warn\n  no-invalid-schema-examples: warn\n');
const outDir = join(CACHE, 'out');
mkdirSync(outDir, { recursive: true });

const specs = SPEC_NAMES.map((n) => ensureSpec(n));
const results = { date: started.toISOString(), machine, commit, versions, runs: RUNS, slowRuns: SLOW_RUNS, specs: {}, diff: undefined, lsp: {} };

for (const spec of specs) {
  const text = readFileSync(spec.yaml, 'utf8');
  const parses = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); YAML.parse(text); parses.push((performance.now() - t) / 1000); }
  // The floor the edit-latency target is a ratio of: one positioned parse (issue 15).
  const parseDocs = [];
  for (let i = 0; i < 3; i++) { const t = performance.now(); YAML.parseDocument(text); parseDocs.push((performance.now() - t) / 1000); }
  results.specs[spec.name] = { title: spec.title, yamlBytes: spec.yamlBytes, yamlParse: summary(parses), yamlParseDocument: summary(parseDocs), lint: {} };
}

// --- CLI side by side ---------------------------------------------------------------------
const cliTools = {
  'specgate (spectral:oas)': (spec, out) => runNode(TOOLS.specgate, ['lint', spec.yaml, '--ruleset', spectralRuleset, '--no-style-guide', '--format', 'json', '--fail-severity', 'hint'], { cwd: join(CACHE, 'specs'), outFile: out }),
  'specgate (default)': (spec, out) => runNode(TOOLS.specgate, ['lint', spec.yaml, '--format', 'json'], { cwd: join(CACHE, 'specs'), outFile: out }),
  'spectral-cli': (spec, out) => runNode(TOOLS.spectral, ['lint', spec.yaml, '-r', spectralRuleset, '-f', 'json', '--quiet'], { cwd: join(CACHE, 'specs'), outFile: out }),
  redocly: (spec, out) => runNode(TOOLS.redocly, ['lint', spec.yaml, '--config', redoclyConfig, '--format', 'json'], { cwd: rulesetsDir, outFile: out }),
};
if (!SKIP.has('cli')) {
  for (const spec of specs) {
    const tools = Object.entries(cliTools).map(([tool, run]) => ({
      tool, run, times: [], rss: [], warmupSeconds: undefined, stopped: false,
      limit: tool === 'spectral-cli' && spec.name === 'github' ? SLOW_RUNS : RUNS,
      out: join(outDir, `${spec.name}.${tool.replace(/\W+/g, '_')}.json`),
    }));
    // One untimed run first (hyperfine's --warmup 1): the file cache, and specgate's V8 code cache,
    // which a fresh build does not have yet. Its time is reported apart. Not for a single-run tool.
    for (const t of tools.filter((x) => x.limit > 1)) {
      log(`${t.tool} lint ${spec.name} (warm-up)`);
      t.warmupSeconds = t.run(spec, t.out).seconds;
      log(`  ${t.warmupSeconds.toFixed(2)} s (warm-up)`);
    }
    // Rounds, each running every tool once: the load on a shared machine drifts over seconds, and
    // interleaved runs see the same drift, so the ratios between tools do not depend on which tool
    // happened to run in a slow phase.
    for (let round = 0; round < RUNS; round++) {
      for (const t of tools) {
        if (t.stopped || t.times.length >= t.limit) continue;
        log(`${t.tool} lint ${spec.name} (run ${t.times.length + 1}/${t.limit})`);
        const r = t.run(spec, t.out);
        if (r.status !== 0 && r.status !== 1) log(`  exit ${r.status}: ${r.stderr.slice(-500)}`);
        t.times.push(r.seconds);
        t.rss.push(r.peakRssBytes);
        log(`  ${r.seconds.toFixed(2)} s, ${(r.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
        if (r.seconds > SLOW_SECONDS && t.times.length >= Math.min(t.limit, SLOW_RUNS)) t.stopped = true;
      }
    }
    for (const t of tools) {
      results.specs[spec.name].lint[t.tool] = { seconds: summary(t.times), warmupSeconds: t.warmupSeconds, peakRssBytes: Math.max(...t.rss), output: t.out };
    }
    const lint = results.specs[spec.name].lint;
    if (lint['spectral-cli'] && lint['specgate (spectral:oas)']) {
      results.specs[spec.name].equivalence = compareFindings(lint['spectral-cli'].output, lint['specgate (spectral:oas)'].output);
      log(`  findings: ${JSON.stringify({ ...results.specs[spec.name].equivalence, onlySpectral: undefined, onlySpecgate: undefined })}`);
    }
  }
}

// --- specgate diff on the GitHub pair ----------------------------------------------------
if (!SKIP.has('diff') && SPEC_NAMES.includes('github')) {
  const base = ensureSpec('github21');
  const revision = ensureSpec('github');
  const times = [];
  let rss = 0;
  let status;
  for (let i = 0; i < RUNS; i++) {
    log(`specgate diff github 21.0.0 → 22.0.0 (run ${i + 1}/${RUNS})`);
    const r = runNode(TOOLS.specgate, ['diff', base.yaml, revision.yaml, '--format', 'json', '--fail-on', 'none'], { cwd: join(CACHE, 'specs'), outFile: join(outDir, 'github.diff.json') });
    times.push(r.seconds);
    rss = Math.max(rss, r.peakRssBytes);
    status = r.status;
    log(`  ${r.seconds.toFixed(2)} s (exit ${r.status})`);
  }
  let changes;
  try { changes = JSON.parse(readFileSync(join(outDir, 'github.diff.json'), 'utf8')).changes?.length; } catch { /* not json */ }
  results.diff = { seconds: summary(times), peakRssBytes: rss, status, changes };
}

// --- LSP sessions ------------------------------------------------------------------------
if (!SKIP.has('lsp')) {
  for (const spec of specs.filter((s) => s.name !== 'launchdarkly')) {
    log(`LSP session on ${spec.name}`);
    results.lsp[spec.name] = await lspSession(spec, { edits: 5 });
    const l = results.lsp[spec.name];
    log(`  fast ${l.openFast.toFixed(2)} s, breaking ${l.openBreaking.toFixed(2)} s, spectral ${l.spectral.toFixed(2)} s, edit→fast p50 ${(l.editFast.median * 1000).toFixed(0)} ms, hover p95 ${(l.hover.p95 * 1000).toFixed(0)} ms (${l.hover.count}), rss ${(l.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
  }
}

// Start-up: `specgate --help` answers from the small launcher bundle; `node -e 0` is the floor.
{
  const timed = (args) => { const t = performance.now(); execFileSync(process.execPath, args, { stdio: 'ignore' }); return (performance.now() - t) / 1000; };
  const help = [];
  const bare = [];
  for (let i = 0; i < 5; i++) { help.push(timed([TOOLS.specgate, '--help'])); bare.push(timed(['-e', '0'])); }
  results.help = { seconds: summary(help), nodeSeconds: summary(bare) };
  log(`--help ${(median(help) * 1000).toFixed(0)} ms (node -e 0: ${(median(bare) * 1000).toFixed(0)} ms)`);
}
results.targets = evaluateTargets(results);
results.finished = new Date().toISOString();
results.wallMinutes = Math.round(((Date.now() - started.getTime()) / 60000) * 10) / 10;
const forJson = JSON.parse(JSON.stringify(results, (k, v) => (k === 'output' ? undefined : v)));
// A partial run (BENCH_SPECS / BENCH_SKIP / BENCH_RUNS set) goes to the cache, not over the committed results.
const partial = ['BENCH_SPECS', 'BENCH_SKIP', 'BENCH_RUNS'].some((v) => process.env[v]);
const base = partial ? new URL('./.cache/results-partial', import.meta.url).pathname : new URL('./results', import.meta.url).pathname;
writeFileSync(`${base}.json`, JSON.stringify(forJson, null, 2) + '\n');
const md = renderMarkdown(forJson);
writeFileSync(`${base}.md`, md);
process.stdout.write(md);
