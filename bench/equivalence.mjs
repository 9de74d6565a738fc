// Compares spectral-cli's JSON findings with specgate's (same file, same ruleset):
// a finding is its rule code, start position and message.
import { readFileSync } from 'node:fs';

function load(file) {
  try {
    const list = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

export function findingKey(f) {
  return `${f.code}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
}

function multiset(list) {
  const m = new Map();
  for (const f of list) m.set(findingKey(f), (m.get(findingKey(f)) ?? 0) + 1);
  return m;
}

export function compareFindings(spectralFile, specgateFile) {
  const a = multiset(load(spectralFile));
  const b = multiset(load(specgateFile));
  const onlySpectral = [];
  const onlySpecgate = [];
  let matched = 0;
  for (const [k, n] of a) {
    const m = b.get(k) ?? 0;
    matched += Math.min(n, m);
    for (let i = m; i < n; i++) onlySpectral.push(k);
  }
  for (const [k, n] of b) for (let i = a.get(k) ?? 0; i < n; i++) onlySpecgate.push(k);
  const count = (m) => [...m.values()].reduce((x, y) => x + y, 0);
  return {
    spectral: count(a),
    specgate: count(b),
    matched,
    same: onlySpectral.length === 0 && onlySpecgate.length === 0,
    onlySpectral: onlySpectral.slice(0, 20),
    onlySpecgate: onlySpecgate.slice(0, 20),
  };
}
