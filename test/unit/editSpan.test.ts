import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editSpan } from '../../server/src/engine/document/editSpan';

test('the edit span lies between the common prefix and suffix, also across block boundaries', () => {
  const base = 'abcdefghij'.repeat(2000);
  for (const at of [0, 5, 4095, 4096, 4097, 12_345, base.length - 1, base.length]) {
    const inserted = base.slice(0, at) + 'XY' + base.slice(at);
    const span = editSpan(base, inserted);
    // The inserted text may be matched one repeat-period earlier; the span must still rebuild the new text.
    assert.equal(base.slice(0, span.start) + inserted.slice(span.start, span.newEnd) + base.slice(span.oldEnd), inserted, `insert at ${at}`);
    assert.equal(span.newEnd - span.start - (span.oldEnd - span.start), 2);
    assert.equal(span.start, at, `insert at ${at}`);
    const deleted = base.slice(0, at) + base.slice(at + 3);
    const d = editSpan(base, deleted);
    assert.equal(base.slice(0, d.start) + base.slice(d.oldEnd), deleted, `delete at ${at}`);
  }
  assert.deepEqual(editSpan('same', 'same'), { start: 4, oldEnd: 4, newEnd: 4, delta: 0 });
  assert.deepEqual(editSpan('ab', 'aXb'), { start: 1, oldEnd: 1, newEnd: 2, delta: 1 });
  assert.deepEqual(editSpan('aaa', 'aa'), { start: 2, oldEnd: 3, newEnd: 2, delta: -1 });
});
