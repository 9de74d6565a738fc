// One Spectral run's rules split over two runs (engine/spectral/ruleSplit.ts): `only` the main
// thread's rules plus `except` them, merged, give exactly the single run's findings in its order:
// a finding in a $ref'd file, an unresolvable $ref reported once, real specs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import { Ruleset } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import * as YAML from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import { runSpectral } from '../../server/src/engine/spectral/spectralRunner';
import { MAIN_THREAD_RULES, mergeSplitFindings, selectRules } from '../../server/src/engine/spectral/ruleSplit';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import { freshOas } from '../helpers/spectralRuns';
import { listSpecs, openapiDirectory, sample } from '../helpers/realSpecs';

const show = (byFile: Map<string, Diagnostic[]>) =>
  [...byFile].sort(([a], [b]) => a.localeCompare(b)).map(([file, list]) => [file, list.map((d) => `${d.code}|${JSON.stringify(d.range)}|${d.message}|${JSON.stringify((d.data as { path?: unknown }).path)}`)]);

async function assertSplitEqualsWhole(uri: string, text: string, workspace: InMemoryWorkspace, where: string): Promise<Map<string, Diagnostic[]>> {
  const whole = await runSpectral(uri, text, freshOas(), workspace, DEFAULT_SETTINGS);
  const main = await runSpectral(uri, text, freshOas(), workspace, DEFAULT_SETTINGS, undefined, undefined, { only: MAIN_THREAD_RULES });
  const worker = await runSpectral(uri, text, freshOas(), workspace, DEFAULT_SETTINGS, undefined, undefined, { except: MAIN_THREAD_RULES });
  for (const list of main.values()) for (const d of list) assert.ok(MAIN_THREAD_RULES.has(String(d.code)), `${where}: ${d.code} from the main thread's share`);
  for (const list of worker.values()) for (const d of list) assert.ok(!MAIN_THREAD_RULES.has(String(d.code)), `${where}: ${d.code} from the worker's share`);
  assert.deepEqual(show(mergeSplitFindings(worker, main)), show(whole), where);
  return whole;
}

const SPEC = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: integer }
              example: not a number
        '403':
          $ref: 'shared.yaml#/Forbidden'
        '404':
          $ref: '#/components/responses/Missing'
components:
  schemas:
    Thing:
      type: object
      properties:
        n: { type: integer, example: also not a number }
`;

test('crafted: both shares merged are the single run, a $ref\'d file\'s finding and an unresolvable $ref included', async () => {
  const uri = 'file:///ws/api.yaml';
  const workspace = new InMemoryWorkspace({
    [uri]: SPEC,
    'file:///ws/shared.yaml': 'Forbidden:\n  description: Forbidden.\n  content:\n    application/json:\n      schema: { type: integer }\n      example: not a number\n',
  }, ['file:///ws']);
  const whole = await assertSplitEqualsWhole(uri, SPEC, workspace, 'crafted');
  const codes = [...whole.values()].flat().map((d) => String(d.code));
  assert.ok(codes.includes('oas3-valid-media-example') && codes.includes('oas3-valid-schema-example'), `both example rules found something: ${codes}`);
  assert.equal(codes.filter((c) => c === 'invalid-ref').length, 1, 'the unresolvable $ref once');
  assert.ok(whole.get('file:///ws/shared.yaml')?.some((d) => d.code === 'oas3-valid-media-example'), 'the $ref\'d file\'s finding');
});

test('real specs: the split gives the single run\'s findings and order', async () => {
  let findings = 0;
  for (const file of sample(listSpecs(openapiDirectory()), 12)) {
    const uri = 'file:///ws/spec.yaml';
    const text = YAML.stringify(JSON.parse(readFileSync(file, 'utf8')), { aliasDuplicateObjects: false });
    const whole = await assertSplitEqualsWhole(uri, text, new InMemoryWorkspace({ [uri]: text }, ['file:///ws']), file);
    findings += [...whole.values()].flat().length;
  }
  assert.ok(findings > 50, `${findings} findings compared`);
});

test('selectRules: a ruleset with overrides is not split; `only` without its rules runs nothing', () => {
  const plain = freshOas();
  const only = selectRules(plain, { only: MAIN_THREAD_RULES })!;
  assert.deepEqual(Object.keys(only.rules).sort(), [...MAIN_THREAD_RULES].sort());
  assert.ok(only instanceof Ruleset && only.formats === plain.formats, 'the rest of the ruleset as it was');
  assert.equal(Object.keys(selectRules(plain, { except: MAIN_THREAD_RULES })!.rules).length, Object.keys(plain.rules).length - MAIN_THREAD_RULES.size);
  const withOverrides = new Ruleset({ extends: [[oas as never, 'recommended']], overrides: [{ files: ['*.yaml'], rules: { 'info-contact': 'off' } }] } as never, { severity: 'recommended', source: '/ws/.spectral.yaml' });
  assert.equal(selectRules(withOverrides, { only: MAIN_THREAD_RULES }), undefined);
  assert.equal(selectRules(withOverrides, { except: MAIN_THREAD_RULES }), withOverrides);
  const without = new Ruleset({ rules: { 'my-rule': { given: '$', then: { function: () => [] } } } } as never);
  assert.equal(selectRules(without, { only: MAIN_THREAD_RULES }), undefined);
});
