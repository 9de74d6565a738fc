/** Output formats: JSON shape, markdown grouping, SARIF basics, GitHub annotations, text. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDiff } from '../../server/src/engine/diff';
import { api, diffDocs, ok } from './diffHelpers';

const base = api({
  '/orders': { get: { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }], responses: ok }, post: { responses: ok } },
  '/pets': { get: { responses: ok } },
});
const rev = api({ '/orders': { get: { parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }], responses: ok, deprecated: true } } });
const result = diffDocs(base, rev);

test('json: exact top-level shape and per-change fields', () => {
  const parsed = JSON.parse(formatDiff(result, 'json'));
  assert.deepEqual(Object.keys(parsed).sort(), ['changes', 'semver', 'summary']);
  assert.equal(parsed.semver, 'major');
  assert.deepEqual(Object.keys(parsed.summary).sort(), ['breaking', 'nonBreaking', 'potentiallyBreaking']);
  assert.equal(parsed.changes.length, result.changes.length);
  for (const c of parsed.changes) {
    for (const key of ['id', 'level', 'pointer', 'side', 'message']) assert.ok(key in c, key);
    assert.ok(c.side === 'base' || c.side === 'revision');
  }
  assert.ok(parsed.changes.some((c: { operation?: string }) => c.operation === 'GET /orders'));
});

test('markdown: grouped by level, then by operation, with doc links', () => {
  const md = formatDiff(result, 'markdown', { baseLabel: 'HEAD', revisionLabel: 'working tree' });
  const breaking = md.indexOf('## Breaking changes');
  const nonBreaking = md.indexOf('## Non-breaking changes');
  assert.ok(breaking >= 0 && nonBreaking > breaking);
  assert.ok(md.includes('### `GET /orders`'));
  assert.ok(md.includes('### `POST /orders`'));
  assert.match(md, /\[request-parameter-became-required\]\(https:\/\/github\.com\/specgate\/specgate\/blob\/main\/docs\/changes\/request-parameter-became-required\.md\)/);
  assert.ok(md.includes('`HEAD`'));
  assert.ok(formatDiff(diffDocs(base, base), 'markdown').includes('No changes.'));
});

test('sarif: 2.1.0 with rules, ruleIds, levels and helpUri', () => {
  const sarif = JSON.parse(formatDiff(result, 'sarif', { locate: () => ({ line: 3, column: 5 }) }));
  assert.equal(sarif.version, '2.1.0');
  assert.match(sarif.$schema, /sarif-2\.1\.0/);
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'specgate');
  const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
  for (const r of run.tool.driver.rules) assert.match(r.helpUri, /docs\/changes\/.+\.md$/);
  assert.equal(run.results.length, result.changes.length);
  for (const res of run.results) {
    assert.ok(ruleIds.includes(res.ruleId));
    assert.equal(run.tool.driver.rules[res.ruleIndex].id, res.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(res.level));
    assert.equal(res.locations[0].physicalLocation.region.startLine, 3);
  }
  assert.ok(run.results.some((r: { ruleId: string; level: string }) => r.ruleId === 'request-parameter-became-required' && r.level === 'error'));
});

test('github: one annotation per change, escaped, with a summary line', () => {
  const out = formatDiff(result, 'github', { fileLabel: () => 'api/openapi.yaml' }).trimEnd().split('\n');
  assert.equal(out.length, result.changes.length + 1);
  assert.ok(out.some((l) => l.startsWith('::error file=api/openapi.yaml,title=request-parameter-became-required (GET /orders)::')));
  assert.ok(out.some((l) => l.startsWith('::notice ')));
  assert.ok(out.every((l, i) => i === out.length - 1 || /^::(error|warning|notice) /.test(l)));
});

test('text: one block per change and the totals', () => {
  const text = formatDiff(result, 'text');
  assert.ok(text.includes('request-parameter-became-required'));
  assert.match(text, /changes: \d+ breaking/);
  assert.match(formatDiff(diffDocs(base, base), 'text'), /No changes/);
});
