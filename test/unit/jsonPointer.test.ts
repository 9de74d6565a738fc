import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePointerSegment, encodePointerSegment, joinPointer, splitPointer } from '../../server/src/engine/jsonPointer';

test('RFC 6901 escaping: ~ before /, so "~1" in a name survives a round trip', () => {
  assert.equal(encodePointerSegment('/orders/{id}'), '~1orders~1{id}');
  assert.equal(encodePointerSegment('a~1b'), 'a~01b');
  assert.equal(decodePointerSegment('a~01b'), 'a~1b');
  assert.equal(joinPointer('/paths', '/a~b', 'get', 0), '/paths/~1a~0b/get/0');
  assert.deepEqual(splitPointer('#/paths/~1a~0b/get'), ['paths', '/a~b', 'get']);
  assert.deepEqual(splitPointer(''), []);
  assert.deepEqual(splitPointer('/'), ['']);
});
