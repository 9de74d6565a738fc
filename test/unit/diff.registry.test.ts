/** The registry: enough ids, every id documented and covered by a fixture. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { changeDocUrl, changeRegistry, CHANGE_DOCS_BASE } from '../../server/src/engine/diff';
import { SCHEMA_KINDS, schemaChangeId, type SchemaLocation } from '../../server/src/engine/diff/checks/schemaKinds';
import { renderChangeDoc, renderChangeIndex } from '../../server/src/engine/diff/docs';
import { CASES } from '../fixtures/diff/cases';
import { SCHEMA_CASES } from '../fixtures/diff/schemaCases';

const DOCS = join(__dirname, '..', '..', '..', 'docs', 'changes');

test('at least 150 distinct change ids, kebab-case, with a level and doc text', () => {
  assert.ok(changeRegistry.size >= 150, `only ${changeRegistry.size} ids`);
  for (const [id, rule] of changeRegistry) {
    assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(['breaking', 'potentially-breaking', 'non-breaking'].includes(rule.level));
    for (const text of [rule.title, rule.whoBreaks, rule.whatToDo, rule.description]) assert.ok(text.length > 10, `${id} text`);
  }
});

test('every registry id has at least one fixture case', () => {
  const covered = new Set(CASES.map((c) => c.id));
  for (const kind of SCHEMA_KINDS) {
    if (!SCHEMA_CASES[kind.kind]) continue;
    for (const direction of ['request', 'response'] as const) {
      const locations: SchemaLocation[] = direction === 'request' ? ['body', 'property', 'parameter'] : ['body', 'property', 'header'];
      for (const location of locations) {
        if (kind.structural && (location === 'parameter' || location === 'header')) continue;
        covered.add(schemaChangeId(kind, direction, location) as string);
      }
    }
  }
  const missing = [...changeRegistry.keys()].filter((id) => !covered.has(id));
  assert.deepEqual(missing, []);
});

test('every registry id has its committed doc, up to date with the registry', () => {
  const stale: string[] = [];
  for (const id of changeRegistry.keys()) {
    const file = join(DOCS, `${id}.md`);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== renderChangeDoc(id)) stale.push(id);
  }
  assert.deepEqual(stale, [], 'run `node scripts/gen-change-docs.mjs` after compiling');
  assert.equal(readFileSync(join(DOCS, 'README.md'), 'utf8'), renderChangeIndex());
});

test('doc links', () => {
  assert.equal(changeDocUrl('request-property-max-length-decreased'), `${CHANGE_DOCS_BASE}request-property-max-length-decreased.md`);
});
