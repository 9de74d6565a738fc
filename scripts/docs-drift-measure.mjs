// Measures the docs-drift rules on a folder that ships Markdown with its API descriptions (e.g. an
// npm package unpacked with `npm pack`): counts mentions, tied examples and findings, and prints
// every finding with its line for hand judging. Usage (after `npx tsc -p tsconfig.test.json`):
//   node scripts/docs-drift-measure.mjs <folder> [spec files relative to it...]
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const engine = (p) => require(`../out/server/src/engine/${p}`);
const { parseDocument } = engine('document/parsedDocument.js');
const { sniffFormat } = engine('document/sniff.js');
const { describeApi } = engine('rules/docs/apiModel.js');
const { analyzeGuide } = engine('rules/docs/guideModel.js');
const { lintGuide } = engine('rules/docs/docsLint.js');
const { DEFAULT_SETTINGS } = engine('settings.js');

const [folder, ...specArgs] = process.argv.slice(2);
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const files = walk(folder);
const specs = specArgs.length > 0 ? specArgs.map((s) => join(folder, s)) : files.filter((f) => /\.(ya?ml|json)$/.test(f) && sniffFormat(readFileSync(f, 'utf8')));
const apis = specs.map((f) => {
  const text = readFileSync(f, 'utf8');
  const doc = parseDocument(`file://${f}`, text);
  return describeApi(`file://${f}`, doc.value, doc.format);
}).filter(Boolean);
let mentions = 0, matched = 0, examples = 0;
const findings = [];
for (const file of files.filter((f) => f.endsWith('.md'))) {
  const text = readFileSync(file, 'utf8');
  const guide = analyzeGuide(`file://${file}`, text, apis);
  mentions += guide.mentions.length;
  matched += guide.mentions.filter((m) => m.matches.length > 0).length;
  examples += guide.examples.length;
  for (const d of lintGuide(guide, DEFAULT_SETTINGS)) {
    findings.push({ file: relative(folder, file), line: d.range.start.line + 1, code: d.code, message: d.message, text: text.split('\n')[d.range.start.line].trim().slice(0, 160) });
  }
}
console.log(JSON.stringify({ apis: apis.map((a) => a.title), guides: files.filter((f) => f.endsWith('.md')).length, mentions, matched, examples, findings }, null, 1));
