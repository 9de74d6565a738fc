import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseValue } from '../../server/src/engine/document/parseValue';
import { parseDocument } from '../../server/src/engine/document/parsedDocument';

const YAML_SPEC = [
  'openapi: 3.0.3',
  'info: {title: "T", version: 1.0.0}',
  'paths:',
  '  /a:',
  '    get:',
  '      description: |',
  '        **Bold** text, *emphasis* and globs:',
  '        *.o',
  '      responses:',
  "        '200': {description: ok}",
  '        404:',
  '          description: missing',
  'x-flags: [yes, no, on, off, ~, 0x10, 1e3, .inf, 2024-01-01]',
].join('\n') + '\n';

test('the fast value parse equals the full parse (YAML 1.2 core schema: no yes/no booleans, no timestamps)', () => {
  const fast = parseValue('file:///a.yaml', YAML_SPEC);
  assert.equal(fast.problem, undefined);
  assert.deepEqual(fast.value, parseDocument('file:///a.yaml', YAML_SPEC).value);
  assert.deepEqual((fast.value as { 'x-flags': unknown[] })['x-flags'], ['yes', 'no', 'on', 'off', null, 16, 1000, Infinity, '2024-01-01']);
});

test('JSON takes JSON.parse; JSON with comments still parses as YAML', () => {
  assert.deepEqual(parseValue('file:///a.json', '{"openapi": "3.1.0", "paths": {}}').value, { openapi: '3.1.0', paths: {} });
  assert.deepEqual(parseValue('file:///a.json', '{"openapi": "3.1.0", # note\n "paths": {}}').value, { openapi: '3.1.0', paths: {} });
});

test('aliases go through the bounded full parser: an alias bomb is refused, not expanded', () => {
  let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  let prev = 'a';
  for (let i = 0; i < 9; i++) {
    bomb += `b${i}: &b${i} [${Array(9).fill('*' + prev).join(',')}]\n`;
    prev = `b${i}`;
  }
  const parsed = parseValue('file:///bomb.yaml', bomb);
  assert.equal(parsed.value, undefined);
  assert.match(parsed.problem!.message, /alias|Could not build/i);
  assert.deepEqual(parseValue('file:///ok.yaml', 'base: &b {x: 1}\nuse: *b\n').value, { base: { x: 1 }, use: { x: 1 } });
});

test('errors report the first problem with its line; duplicate keys keep the value, as in the editor', () => {
  const broken = parseValue('file:///b.yaml', 'openapi: 3.0.0\ninfo:\n  title: [x\n');
  assert.ok(broken.problem);
  assert.ok(broken.problem.line >= 2);
  const dup = parseValue('file:///d.yaml', 'openapi: 3.0.0\ninfo: {}\ninfo: {}\n');
  assert.match(dup.problem!.message, /unique|duplicate/i);
  assert.deepEqual(dup.value, { openapi: '3.0.0', info: {} });
  const deep = parseValue('file:///deep.yaml', 'x: ' + '['.repeat(5000) + ']'.repeat(5000));
  assert.equal(deep.value, undefined);
  assert.match(deep.problem!.message, /Nesting deeper/);
  assert.equal(parseValue('file:///e.yaml', '').value, undefined);
});
