/**
 * Greppable change ids: every id the registry knows is written literally exactly once in the sources, in
 * server/src/engine/diff/changeIds.ts, and reaches `emit` through its constant, never assembled from parts.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { changeRegistry } from '../../server/src/engine/diff';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCES = join(ROOT, 'server', 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Code without comments: an id named in a doc comment is documentation, not a second definition. */
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const files = tsFiles(SOURCES).map((path) => ({ path: relative(ROOT, path), text: code(readFileSync(path, 'utf8')) }));

test('every change id is written literally exactly once, in changeIds.ts', () => {
  const problems: string[] = [];
  for (const id of changeRegistry.keys()) {
    const quoted = new RegExp(`(['"\`])${id}\\1`, 'g');
    const where = files.flatMap((f) => Array.from(f.text.matchAll(quoted), () => f.path));
    if (where.length !== 1 || !where[0].endsWith('changeIds.ts')) problems.push(`${id}: ${where.length === 0 ? 'nowhere' : where.join(', ')}`);
  }
  assert.deepEqual(problems, []);
});

test('emit never receives a string or template literal: ids go through their constants', () => {
  const literal = /\.emit\(\s*['"`]/g;
  const offenders = files.flatMap((f) => Array.from(f.text.matchAll(literal), (m) => `${f.path}: ${f.text.slice(m.index, m.index + 60)}`));
  assert.deepEqual(offenders, []);
});

test('no template literal assembles a change id', () => {
  // Ids start with one of these words; a template that starts with one, or glues a part in front of one, builds an id.
  const assembled = /`(?:(?:request|response|api|new|endpoint|webhook|sunset|optional|required)-[^`\s]*\$\{|[^`\s]*\}-(?:request|response|property|wrapped|became)[^`\s]*)`/g;
  const offenders = files.flatMap((f) => Array.from(f.text.matchAll(assembled), (m) => `${f.path}: ${m[0]}`));
  assert.deepEqual(offenders, []);
  // The scan finds what it is meant to find.
  assert.equal('`${dir}-property-${kind}`'.match(assembled)?.length, 1);
  assert.equal('`new-${req}-request-property`'.match(assembled)?.length, 1);
});
