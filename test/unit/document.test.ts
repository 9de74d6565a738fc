import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/src/engine/document/parsedDocument';
import { sniffFormat } from '../../server/src/engine/document/sniff';
import { findExcessiveNesting } from '../../server/src/engine/document/limits';

const SPEC = `openapi: 3.1.0
info:
  title: T
  version: '1'
paths:
  /a/{id}:
    get:
      operationId: getA
      responses:
        '200':
          description: ok
`;

test('sniff recognises OpenAPI 3.0/3.1, Swagger 2.0 and Arazzo, and nothing else', () => {
  assert.equal(sniffFormat('openapi: 3.0.3\n'), 'oas3.0');
  assert.equal(sniffFormat('openapi: "3.1.0"\n'), 'oas3.1');
  assert.equal(sniffFormat('swagger: "2.0"\n'), 'oas2');
  assert.equal(sniffFormat('{"swagger": "2.0", "info": {}}'), 'oas2');
  assert.equal(sniffFormat('arazzo: 1.0.1\n'), 'arazzo1');
  assert.equal(sniffFormat('name: my-app\nversion: 1.0.0\n'), undefined);
  assert.equal(sniffFormat('{"name": "pkg", "version": "1.0.0"}'), undefined);
  assert.equal(sniffFormat('spec:\n  openapi: 3.0.0\n'), undefined, 'openapi must be a root key');
});

test('rangeOf gives exact key and value ranges, with `/` and `~` escaped in pointers', () => {
  const doc = parseDocument('file:///s.yaml', SPEC);
  assert.equal(doc.format, 'oas3.1');
  assert.deepEqual(doc.rangeOf('/paths/~1a~1{id}', 'key'), { start: { line: 5, character: 2 }, end: { line: 5, character: 9 } });
  assert.deepEqual(doc.rangeOf('/paths/~1a~1{id}/get/operationId', 'value'), { start: { line: 7, character: 19 }, end: { line: 7, character: 23 } });
  assert.deepEqual(doc.rangeOf('/paths/~1a~1{id}/get/responses/200', 'key'), { start: { line: 9, character: 8 }, end: { line: 9, character: 13 } });
});

test('rangeOf falls back to the nearest existing ancestor key for missing members', () => {
  const doc = parseDocument('file:///s.yaml', SPEC);
  assert.deepEqual(doc.rangeOf('/paths/~1a~1{id}/get/security/0', 'value'), doc.rangeOf('/paths/~1a~1{id}/get', 'key'));
});

test('pointerAt maps offsets back to the deepest key or value', () => {
  const doc = parseDocument('file:///s.yaml', SPEC);
  const offset = SPEC.indexOf('getA') + 1;
  assert.deepEqual(doc.pointerAt(offset), { pointer: '/paths/~1a~1{id}/get/operationId', target: 'value' });
  assert.deepEqual(doc.pointerAt(SPEC.indexOf('operationId')), { pointer: '/paths/~1a~1{id}/get/operationId', target: 'key' });
});

test('JSON documents parse with the same pointer map', () => {
  const text = '{\n  "openapi": "3.0.0",\n  "paths": {\n    "/x": {}\n  }\n}';
  const doc = parseDocument('file:///s.json', text);
  assert.equal(doc.format, 'oas3.0');
  assert.deepEqual(doc.rangeOf('/paths/~1x', 'key'), { start: { line: 3, character: 4 }, end: { line: 3, character: 8 } });
});

test('syntax errors become problems at their position, and the value is still built', () => {
  const doc = parseDocument('file:///s.yaml', 'openapi: 3.0.0\ninfo:\n  title: [unclosed\n  version: 1\n');
  assert.ok(doc.problems.length > 0);
  assert.equal(doc.problems[0].code, 'specgate-syntax');
  assert.ok(doc.problems[0].range.start.line >= 2);
});

test('duplicate keys are reported', () => {
  const doc = parseDocument('file:///s.yaml', 'openapi: 3.0.0\ninfo: {}\ninfo: {}\n');
  assert.ok(doc.problems.some((p) => /unique|duplicate/i.test(p.message)), JSON.stringify(doc.problems));
});

test('deep nesting is refused before the parser sees it, with a clear problem (flow, JSON and block)', () => {
  const flow = 'openapi: 3.0.0\nx: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n';
  const json = '{"openapi":"3.0.0","x":' + '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_001);
  const block = 'openapi: 3.0.0\n' + Array.from({ length: 2000 }, (_, i) => ' '.repeat(i) + `k${i}:`).join('\n') + '\n';
  for (const text of [flow, json, block]) {
    const started = Date.now();
    const doc = parseDocument('file:///deep.yaml', text);
    assert.equal(doc.problems[0]?.code, 'specgate-nesting-limit');
    assert.match(doc.problems[0].message, /Nesting deeper than 256/);
    assert.equal(doc.value, undefined);
    assert.ok(Date.now() - started < 5000);
  }
});

test('the nesting estimate does not count brackets inside strings or plain scalars', () => {
  const text = "openapi: 3.0.0\npattern: '^[[[[[[[[[[[[[[[[[[[['\ndescription: see [1] and {2}\nx: \"[[[[[[[[[[[[\"\n";
  assert.equal(findExcessiveNesting(text, 3), -1);
});

test('alias bombs stop at the alias limit with a clear problem instead of exhausting memory', () => {
  let text = 'openapi: 3.0.0\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (let i = 0; i < 9; i++) {
    text += `b${i}: &b${i} [${Array(9).fill('*' + prev).join(',')}]\n`;
    prev = `b${i}`;
  }
  const doc = parseDocument('file:///bomb.yaml', text);
  assert.ok(doc.problems.some((p) => p.code === 'specgate-alias-limit' || /alias/i.test(p.message)), JSON.stringify(doc.problems));
});

test('nesting estimate: flow collections behind anchors and tags, and apostrophes in plain scalars, count', () => {
  const deep = '['.repeat(300) + ']'.repeat(300);
  for (const line of [`a: &anchor ${deep}`, `a: !!seq ${deep}`, `- &x !tag ${deep}`, `a: [don't, ${deep}]`, `a: {k: it's, b: ${deep}}`]) {
    assert.equal(findExcessiveNesting(`x: 1\n${line}\n`, 256), 1, line);
  }
  assert.equal(findExcessiveNesting("a: 'it''s [ fine'\nb: \"[[[[\"\n", 3), -1, 'brackets inside quoted scalars do not count');
});

test('a BOM does not hide the document kind', () => {
  assert.equal(sniffFormat('\uFEFFopenapi: 3.1.0\n'), 'oas3.1');
  assert.equal(sniffFormat('\uFEFF{"swagger": "2.0"}'), 'oas2');
});

test('nesting estimate: the shortcut for plain block lines finds the same line as the general path', () => {
  // Hand-picked lines around the shortcut's edges, then random documents made of them.
  const lines = [
    'a:', '  b:', '    c: 1', '- x', '- - - y', '  - - z: 1', '-x', '--- ', '- ', '-', '  -  -   deep:', '\tk: v', '  \t- t', ' # c', '#',
    '', '   ', 'k: [1, [2, [3]]]', 'k: {a: {b: 1}}', '- [a,', '  b]', "k: 'it''s'", 'k: "q [ "', 'k: a # [', '\u00a0k: v', 'k: v\r', '  x: y\r',
    `${' '.repeat(10)}- - - - n`, `k: ${'x'.repeat(5000)}[`, `${'- '.repeat(2100)}v`, ' '.repeat(4100) + 'k: v',
  ];
  let seed = 7;
  const random = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
  const texts = [lines.join('\n')];
  for (let i = 0; i < 400; i++) texts.push(Array.from({ length: 1 + random(30) }, () => lines[random(lines.length)]).join('\n'));
  for (const text of texts) {
    for (const limit of [1, 2, 3, 4, 6, 9, 256, 2000]) {
      assert.equal(findExcessiveNesting(text, limit), findExcessiveNesting(text, limit, false), `limit ${limit}:\n${text.slice(0, 400)}`);
    }
  }
  assert.equal(findExcessiveNesting('a:\n  b:\n    - - c: 1\n', 4), 2, 'indentation levels and `- ` markers count on the shortcut too');
  assert.equal(findExcessiveNesting('a:\n  b:\n    - - c: 1\n', 5), -1);
});
