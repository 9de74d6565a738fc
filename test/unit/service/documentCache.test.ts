import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentCache } from '../../../server/src/engine/service/documentCache';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/settings';

const SPEC = 'openapi: 3.0.3\ninfo: {title: T, version: "1"}\npaths: {}\n';

test('one parse per open document version; a new version or text parses again and replaces it', () => {
  const cache = new DocumentCache(() => DEFAULT_SETTINGS);
  const v1 = cache.get('file:///a.yaml', SPEC, 1);
  assert.equal(cache.get('file:///a.yaml', SPEC, 1), v1);
  const v2 = cache.get('file:///a.yaml', SPEC.replace('T', 'U'), 2);
  assert.notEqual(v2, v1);
  assert.equal((v2.value as { info: { title: string } }).info.title, 'U');
  assert.equal(cache.peek('file:///a.yaml'), v2);
  cache.forget('file:///a.yaml');
  assert.equal(cache.peek('file:///a.yaml'), undefined);
});

test("a $ref'd file's parse is reused while its text is unchanged, and dropped by invalidate", () => {
  const cache = new DocumentCache(() => DEFAULT_SETTINGS);
  const first = cache.referencedParse('file:///s.yaml', 'Order: {type: object}\n');
  assert.equal(cache.referencedParse('file:///s.yaml', 'Order: {type: object}\n'), first);
  assert.notEqual(cache.referencedParse('file:///s.yaml', 'Order: {type: string}\n'), first);
  const again = cache.referencedParse('file:///s.yaml', 'Order: {type: string}\n');
  cache.invalidate('file:///s.yaml');
  assert.notEqual(cache.referencedParse('file:///s.yaml', 'Order: {type: string}\n'), again);
});

test('parse limits come from the settings at parse time', () => {
  let settings = DEFAULT_SETTINGS;
  const cache = new DocumentCache(() => settings);
  const deep = 'openapi: 3.0.3\nx: ' + '['.repeat(40) + ']'.repeat(40) + '\n';
  assert.deepEqual(cache.get('file:///d.yaml', deep, 1).problems, []);
  settings = { ...DEFAULT_SETTINGS, maxNestingDepth: 10 };
  assert.ok(cache.get('file:///d.yaml', deep, 2).problems.length > 0, 'refused past the configured depth');
});

test('texts the host defers (the server\'s background threshold) are never parsed here, open or referenced; smaller ones are', () => {
  const cache = new DocumentCache(() => DEFAULT_SETTINGS, (text) => text.length > 100);
  const big = SPEC + '# ' + 'x'.repeat(200) + '\n';
  const open = cache.get('file:///big.yaml', big, 1);
  assert.equal(open.value, undefined);
  assert.equal(open.ast, undefined);
  assert.deepEqual(open.problems, [], 'not an error: the document is analysed elsewhere');
  assert.equal(open.format, 'oas3.0', 'still recognised as an API description');
  assert.equal(cache.referencedParse('file:///big.yaml', big).value, undefined);
  // Shrinking below the threshold parses it again, from scratch.
  assert.equal((cache.get('file:///big.yaml', SPEC, 2).value as { openapi: string }).openapi, '3.0.3');
  // Growing past it again drops back to the deferred form (no incremental splice onto an unparsed version).
  assert.equal(cache.get('file:///big.yaml', big, 3).value, undefined);
});
