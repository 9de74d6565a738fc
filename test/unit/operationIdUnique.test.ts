import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Document, Ruleset, Spectral } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { oas } from '@stoplight/spectral-rulesets';
import { linearOasOpIdUnique, useLinearOperationIdUnique } from '../../server/src/engine/spectral/operationIdUnique';

const freshOas = () => new Ruleset({ extends: [[oas as never, 'recommended']] } as never, { severity: 'recommended' });

async function findings(ruleset: Ruleset, text: string): Promise<string[]> {
  const spectral = new Spectral();
  spectral.setRuleset(ruleset);
  const results = await spectral.run(new Document(text, Parsers.Yaml as never, '/w/a.yaml'));
  return results.filter((r) => r.code === 'operation-operationId-unique').map((r) => `${r.path.join('/')}|${JSON.stringify(r.range)}|${r.message}`);
}

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
