import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { sniffFormat } from '../../../server/src/engine/document/sniff';
import { lintGuideText } from '../../../server/src/engine/rules/docs/docsLint';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/settings';
import { pathToUri } from '../../../server/src/engine/uri';
import { apiFrom } from './docsFixtures';

const REPO = path.resolve(__dirname, '../../../..');

function walk(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (name === '.cache' || name === 'node_modules') return [];
    return statSync(file).isDirectory() ? walk(file, keep) : keep(file) ? [file] : [];
  });
}

test('this project\'s own docs/ and README have no docs-drift findings against the project\'s API descriptions', () => {
  // The workspace's APIs: every OpenAPI document in the repository (test fixtures; the 456 MB spec cache aside).
  const specs = walk(path.join(REPO, 'test/fixtures'), (f) => /\.(ya?ml|json)$/.test(f)).filter((f) => {
    const format = sniffFormat(readFileSync(f, 'utf8'));
    return format !== undefined && format !== 'arazzo1';
  });
  const apis = specs.flatMap((f) => {
    try { return [apiFrom(pathToUri(f), readFileSync(f, 'utf8'))]; } catch { return []; }
  });
  assert.ok(apis.length > 20, `found ${apis.length} APIs`);
  const guides = [path.join(REPO, 'README.md'), ...walk(path.join(REPO, 'docs'), (f) => f.endsWith('.md'))];
  assert.ok(guides.length > 700);
  const findings = guides.flatMap((file) => lintGuideText(pathToUri(file), readFileSync(file, 'utf8'), apis, DEFAULT_SETTINGS)
    .map((d) => `${path.relative(REPO, file)}:${d.range.start.line + 1} ${d.code} ${d.message}`));
  assert.deepEqual(findings, []);
});
