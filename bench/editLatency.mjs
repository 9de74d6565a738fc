#!/usr/bin/env node
// `npm run bench:edit`: the issue-15 rows alone (a few minutes instead of the full bench):
// edit → fast-layer diagnostics as a ratio of one plain `yaml` parseDocument of the same text,
// on Twilio and GitHub, and the server's peak RSS on GitHub (open, edits, then Spectral on save).
// Writes bench/results-edit.json and .md (BENCH_SPECS set: bench/.cache/results-edit-partial.*).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ensureSpec } from './fetch.mjs';
import { editSession } from './editScenario.mjs';
import { median } from './stats.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const SPEC_NAMES = (process.env.BENCH_SPECS ?? 'twilio,github').split(',');
const EDITS = Number(process.env.BENCH_EDITS ?? 5);
const log = (m) => process.stderr.write(`bench: ${m}\n`);
if (!existsSync(join(ROOT, 'dist/server.js'))) execFileSync(process.execPath, ['scripts/build.mjs', '--production'], { cwd: ROOT, stdio: 'inherit' });

const uptime = () => execFileSync('uptime', { encoding: 'utf8' }).trim();
const results = { date: new Date().toISOString(), commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim(), node: process.version, loadBefore: uptime(), specs: {} };
for (const name of SPEC_NAMES) {
  const spec = ensureSpec(name);
  // The floor: plain parseDocuments of the same text, timed right after the edits with the server
  // idle (lspScenario.mjs parseFloor), in the same phase of the run as the edits.
  log(`${name}: LSP session (${EDITS} edits)`);
  const session = await editSession(spec, { edits: EDITS, spectralOnSave: name === 'github' && !process.env.BENCH_NO_SAVE });
  const parse = session.parseAfterEdits.median;
  const parses = session.parseAfterEdits.samples;
  results.specs[name] = { title: spec.title, yamlBytes: spec.yamlBytes, parseDocument: parse, parseSamples: parses, ...session, ratio: session.editFast.median / parse, load: loadavg() };
  log(`  yaml parseDocument ${parse.toFixed(2)} s (after the edits); edit → fast ${(session.editFast.median * 1000).toFixed(0)} ms (${(session.editFast.median / parse).toFixed(3)}× a parse), peak RSS ${(session.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
}
results.loadAfter = uptime();

const ms = (x) => `${Math.round(x * 1000)} ms`;
const md = [
  '# Edit latency and server memory (issue 15)',
  '',
  `${results.date}, commit ${results.commit}, Node ${results.node}. Load: before \`${results.loadBefore}\`; after \`${results.loadAfter}\`.`,
  '',
  '| spec | yaml parseDocument | edit → fast layer (median [min–max]) | ratio (target ≤ 0.3×) | edit → breaking layer | edits | peak RSS (GitHub target ≤ 1.0 GB) |',
  '|---|---|---|---|---|---|---|',
  ...Object.values(results.specs).map((r) => `| ${r.title} (${(r.yamlBytes / 2 ** 20).toFixed(1)} MB) | ${ms(r.parseDocument)} | ${ms(r.editFast.median)} [${ms(r.editFast.min)}–${ms(r.editFast.max)}] | ${r.ratio.toFixed(3)}× | ${ms(r.editBreaking.median)} | ${r.edits} one-character edits | ${Math.round(r.peakRssBytes / 2 ** 20)} MB${r.spectralOnSave ? ' (incl. Spectral on save)' : ''}; after open ${Math.round(r.rssAfterOpen / 2 ** 20)} MB, after the edits ${Math.round(r.rssAfterEdits / 2 ** 20)} MB |`),
  '',
].join('\n');
const partial = !!process.env.BENCH_SPECS || !!process.env.BENCH_EDITS;
const base = partial ? join(ROOT, 'bench/.cache/results-edit-partial') : join(ROOT, 'bench/results-edit');
writeFileSync(`${base}.json`, JSON.stringify(results, null, 2) + '\n');
writeFileSync(`${base}.md`, md);
process.stdout.write(md);
