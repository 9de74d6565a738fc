import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Change } from '../../../server/src/engine/diff/types';
import { analyzeGuide } from '../../../server/src/engine/rules/docs/guideModel';
import { guideMentionNotes } from '../../../server/src/engine/rules/docs/guideMentions';
import { fixtureApis, fixtureText, fixtureUri } from './docsFixtures';

const folder = fixtureUri('');
const guides = () => [analyzeGuide(fixtureUri('docs/orders.md'), fixtureText('docs/orders.md'), fixtureApis())];
const change = (over: Partial<Change>): Change => ({ id: 'x', level: 'breaking', pointer: '', side: 'revision', uri: 'file:///s.yaml', message: '', ...over });

test('a changed request field lists the example line that shows it, then the lines that mention the operation', () => {
  const notes = guideMentionNotes([change({ operation: 'POST /orders', pointer: '/components/schemas/OrderCreate/properties/customerId', direction: 'request' })], guides(), folder.replace(/\/$/, ''));
  assert.deepEqual(notes, ['docs/orders.md line 19 shows this field', 'docs/orders.md line 15 shows this operation']);
});

test('the direction must agree: a response change does not point at a request example', () => {
  const notes = guideMentionNotes([change({ operation: 'POST /orders', pointer: '/components/schemas/Order/properties/status', direction: 'response' })], guides(), folder.replace(/\/$/, ''));
  assert.deepEqual(notes, ['docs/orders.md line 29 shows this field', 'docs/orders.md line 15 shows this operation']);
});

test('an operation no guide mentions, or a change without an operation, lists nothing', () => {
  assert.deepEqual(guideMentionNotes([change({ operation: 'GET /invoices' })], guides(), folder), []);
  assert.deepEqual(guideMentionNotes([change({ pointer: '/info/title' })], guides(), folder), []);
});
