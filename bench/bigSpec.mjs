#!/usr/bin/env node
// A monolithic spec of any size for the issue-18 big-spec checks: GitHub's REST description
// copied N times, each copy's paths under `/copyK` and its components renamed `<name>_K` (with
// every `$ref` rewritten), so the copies are independent, as in a real monolith, not N views of
// one set of schemas. `node bench/bigSpec.mjs <copies> <out.json|out.yaml> [github|twilio]`.
import { readFileSync, writeFileSync } from 'node:fs';
import YAML from 'yaml';
import { ensureSpec } from './fetch.mjs';

export function bigSpec(copies, baseName = 'github') {
  const base = JSON.parse(readFileSync(ensureSpec(baseName).json, 'utf8'));
  const out = { ...base, paths: {}, components: {} };
  for (let k = 0; k < copies; k++) {
    const suffix = k === 0 ? '' : `_${k}`;
    const copy = JSON.parse(JSON.stringify({ paths: base.paths, components: base.components }).replace(/"#\/components\/([a-zA-Z]+)\/([^"/]+)([^"]*)"/g, (_, kind, name, rest) => `"#/components/${kind}/${name}${suffix}${rest}"`));
    for (const [path, item] of Object.entries(copy.paths)) {
      for (const op of Object.values(item)) if (op && typeof op === 'object' && typeof op.operationId === 'string') op.operationId += suffix;
      out.paths[k === 0 ? path : `/copy${k}${path}`] = item;
    }
    for (const [kind, members] of Object.entries(copy.components)) {
      out.components[kind] ??= {};
      for (const [name, value] of Object.entries(members)) out.components[kind][name + suffix] = value;
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [copies, file, baseName] = [Number(process.argv[2] ?? 4), process.argv[3] ?? '/tmp/big.json', process.argv[4] ?? 'github'];
  const spec = bigSpec(copies, baseName);
  const text = file.endsWith('.json') ? JSON.stringify(spec, null, 2) : YAML.stringify(spec, { lineWidth: 0 });
  writeFileSync(file, text);
  process.stderr.write(`${file}: ${(text.length / 2 ** 20).toFixed(1)} MB, ${Object.keys(spec.paths).length} paths\n`);
}
