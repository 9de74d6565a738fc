import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseValue } from '../../server/src/engine/document/parseValue';
import { parseDocument } from '../../server/src/engine/document/parsedDocument';
import { diffSpecs } from '../../server/src/engine/diff';

/**
 * Every plain and tagged scalar form where YAML 1.1 (js-yaml's own schemas) and YAML 1.2 core
 * (the `yaml` package, the editor's parser) disagree, plus the forms where they agree.
 */
const SCALARS = [
  // signed floats without a leading digit, and other float spellings
  '-.5', '+.5', '.5', '-1.', '1.', '0.', '+0.0', '-0', '1e3', '-1E-3', '+2.5e+2', '.5e1', '1.2e', '1e400', '6.02e23',
  // integers: binary, octal (1.2 and 1.1 spellings), hex, underscores, sexagesimal, sign, size
  '0b101', '-0b101', '0o17', '0o8', '017', '-017', '0x1F', '0X1F', '0xG', '1_000', '190:20:30', '+12', '-12', '007',
  '9007199254740993', '123456789012345678901234567890',
  // dates and times
  '2024-01-01', '2001-12-14t21:59:43.10-05:00', '2001-12-14 21:59:43.10 -5', '12:30:00',
  // infinities and not-a-number
  '.inf', '-.inf', '+.inf', '.Inf', '.INF', '.nan', '.NaN', '.NAN', '-.nan', '.iNf',
  // nulls and booleans
  '~', 'null', 'Null', 'NULL', 'nUll', '', 'true', 'True', 'TRUE', 'tRue', 'false', 'FALSE',
  'yes', 'no', 'on', 'off', 'y', 'n', 'Yes', 'ON',
  // versions, quoted and unquoted
  '1.0', '1.10', '1.0.0', '3.0', '3.1.0', 'v1', '"1.0"', "'1.10'", '"3.0"', "'2024-01-01'", '"0b101"', "'~'",
  // odd leftovers
  '.', '-', '+', '0x', '1__0', '=', '<<',
  // explicit tags
  '!!str 1', '!!str -.5', '!!int "3"', '!!float 1', '!!float "-.5"', '!!null ""', '!!bool "true"', '!!binary aGk=', '!!timestamp 2024-01-01',
];

function bothParses(text: string) {
  return { fast: parseValue('file:///s.yaml', text), full: parseDocument('file:///s.yaml', text) };
}

for (const scalar of SCALARS) {
  test(`scalar ${JSON.stringify(scalar)}: the value-only parse equals the editor's parse (value, flow item, key)`, () => {
    const text = `value: ${scalar}\nflow: [${scalar.startsWith('!!') ? '' : scalar}]\n${scalar.startsWith('!!') || scalar === '' ? 'k' : scalar}: key\nnested:\n  minimum: ${scalar}\n`;
    const { fast, full } = bothParses(text);
    assert.equal(full.problems.length === 0, fast.problem === undefined, `both parses agree on ${JSON.stringify(scalar)} being valid`);
    assert.deepEqual(fast.value, full.value);
  });
}

test('the fast path really is taken for these forms (js-yaml with the 1.2 core schema), not the fallback', () => {
  // Values that only the 1.2 core schema produces: a js-yaml CORE_SCHEMA parse would give '-.5' and 5.
  const { fast } = bothParses('a: -.5\nb: 0b101\nc: 0o17\nd: 1_000\ne: 2024-01-01\nf: .NaN\n');
  assert.deepEqual(fast.value, { a: -0.5, b: '0b101', c: 15, d: '1_000', e: '2024-01-01', f: NaN });
});

test('merge keys: `<<` is an ordinary key in YAML 1.2 core, with and without an alias, in both parses', () => {
  for (const text of ['base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n', 'use:\n  <<: {x: 1}\n  y: 2\n', 'use:\n  <<: [{x: 1}, {z: 3}]\n']) {
    const { fast, full } = bothParses(text);
    assert.deepEqual(fast.value, full.value, text);
  }
});

test('a %YAML 1.1 directive switches the editor parser to 1.1 resolution; the value parse follows it', () => {
  const { fast, full } = bothParses('%YAML 1.1\n---\na: yes\nb: 0b101\nc: 2024-01-01\n');
  assert.deepEqual(fast.value, full.value);
});

test('an unchanged spec full of odd scalars diffs to nothing between the baseline (value parse) and the working copy (editor parse)', () => {
  const spec = [
    'openapi: 3.0.3',
    'info: {title: T, version: 1.10}',
    'paths:',
    '  /a:',
    '    get:',
    '      parameters:',
    ...SCALARS.filter((s) => !s.startsWith('!!') && !['', '<<', '-'].includes(s)).map((s, i) => `        - {name: p${i}, in: query, schema: {type: number, minimum: ${s}, maximum: ${s}, default: ${s}, enum: [${s}]}}`),
    '      responses:',
    "        '200': {description: ok}",
  ].join('\n') + '\n';
  const { fast, full } = bothParses(spec);
  assert.equal(fast.problem, undefined);
  assert.deepEqual(fast.value, full.value);
  const uri = 'file:///s.yaml';
  const result = diffSpecs({ uri, documents: new Map([[uri, fast.value]]) }, { uri, documents: new Map([[uri, full.value]]) });
  assert.deepEqual(result.changes.map((c) => c.id), []);
});
