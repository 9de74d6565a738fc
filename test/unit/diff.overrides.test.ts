/** Per-id level overrides (.specgate/changes.yaml): parsed, applied in the engine, seen by summary and semver. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diffPolicy, parseChangeOverrides } from '../../server/src/engine/diff';
import { api, diffDocs } from './diffHelpers';

const doc = (values: string[], withFilter: boolean) =>
  api({
    '/orders': {
      get: {
        parameters: withFilter ? [{ name: 'filter', in: 'query', schema: { type: 'string' } }] : [],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { status: { type: 'string', enum: values } } } } } } },
      },
    },
  });

test('the overrides file: levels by id, oasdiff level names, none; unknown ids and levels are named and skipped', () => {
  const { overrides, problems } = parseChangeOverrides(`levels:
  response-property-enum-value-added: breaking
  request-parameter-removed: INFO
  api-tag-added: none
  no-such-change: breaking
  api-tag-removed: fatal
`);
  assert.deepEqual([...overrides], [['response-property-enum-value-added', 'breaking'], ['request-parameter-removed', 'non-breaking'], ['api-tag-added', 'none']]);
  assert.equal(problems.length, 2);
  assert.match(problems[0], /unknown change id 'no-such-change'/);
  assert.match(problems[1], /'api-tag-removed': unknown level "fatal"/);
  assert.deepEqual(parseChangeOverrides(undefined).problems, []);
  assert.match(parseChangeOverrides('levels: [a').problems[0], /changes\.yaml:\d+:/);
  assert.match(parseChangeOverrides('other: 1').problems[0], /expected a 'levels' map/);
});

test('a raised and a lowered id change the levels, the summary and the semver bump; none drops the change', () => {
  const base = doc(['open'], true);
  const rev = doc(['open', 'held'], false);
  const plain = diffDocs(base, rev);
  assert.equal(plain.changes.find((c) => c.id === 'response-property-enum-value-added')?.level, 'potentially-breaking');
  assert.equal(plain.changes.find((c) => c.id === 'request-parameter-removed')?.level, 'potentially-breaking');
  assert.equal(plain.semver.required, 'minor');

  const { options } = diffPolicy({ deprecationDaysStable: 0, deprecationDaysBeta: 0 }, 'levels:\n  response-property-enum-value-added: breaking\n  request-parameter-removed: non-breaking\n');
  const raised = diffDocs(base, rev, {}, {}, options);
  const enumAdded = raised.changes.find((c) => c.id === 'response-property-enum-value-added');
  assert.equal(enumAdded?.level, 'breaking');
  assert.equal(enumAdded?.defaultLevel, 'potentially-breaking');
  assert.equal(raised.changes.find((c) => c.id === 'request-parameter-removed')?.level, 'non-breaking');
  assert.deepEqual(raised.summary, { breaking: 1, potentiallyBreaking: 0, nonBreaking: 1 });
  assert.equal(raised.semver.required, 'major');
  assert.equal(raised.changes[0].id, 'response-property-enum-value-added', 'sorted by the overridden level');

  const none = parseChangeOverrides('levels: { response-property-enum-value-added: none }').overrides;
  const dropped = diffDocs(base, rev, {}, {}, { levels: none });
  assert.ok(!dropped.changes.some((c) => c.id === 'response-property-enum-value-added'));
});
