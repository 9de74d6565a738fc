import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Ruleset } from '@stoplight/spectral-core';
import { linearOasOpIdUnique, useLinearOperationIdUnique } from '../../server/src/engine/spectral/operationIdUnique';
import { freshOas, ruleFindings } from '../helpers/spectralRuns';

const findings = (ruleset: Ruleset, text: string) => ruleFindings(ruleset, text, 'operation-operationId-unique');

// Duplicates across paths and methods, a numeric operationId equal to a string one (different ids),
// a repeated number, a non-object path item, an extension key and a non-operation key.
const SPEC = `openapi: 3.0.3
info: {title: T, version: '1'}
paths:
  /a:
    get: {operationId: listA, responses: {'200': {description: ok}}}
    post: {operationId: createA, responses: {'200': {description: ok}}}
  /b:
    get: {operationId: listA, responses: {'200': {description: ok}}}
    put: {operationId: 7, responses: {'200': {description: ok}}}
    x-thing: {operationId: createA}
    parameters: []
  /c: not-an-object
  /d:
    delete: {operationId: '7', responses: {'200': {description: ok}}}
    patch: {operationId: 7, responses: {'200': {description: ok}}}
    trace: {operationId: createA, responses: {'200': {description: ok}}}
`;

test('the linear operationId check reports exactly what Spectral\'s does, in the same order', async () => {
  const theirs = await findings(freshOas(), SPEC);
  const swapped = useLinearOperationIdUnique(freshOas());
  assert.ok(Object.values(swapped.rules).some((r) => r.then.some((t) => t.function === (linearOasOpIdUnique as never))), 'the rule now uses the linear function');
  const ours = await findings(swapped, SPEC);
  assert.equal(theirs.length, 3);
  assert.deepEqual(ours, theirs);
});

test('thousands of operations with a duplicate every hundred: the same findings', async () => {
  const paths = Array.from({ length: 3000 }, (_, i) => `  /p${i}:\n    get: {operationId: op${i % 100 === 99 ? i - 1 : i}, responses: {'200': {description: ok}}}\n`).join('');
  const text = `openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths:\n${paths}`;
  const ours = await findings(useLinearOperationIdUnique(freshOas()), text);
  assert.equal(ours.length, 30);
  assert.deepEqual(ours, await findings(freshOas(), text));
});
