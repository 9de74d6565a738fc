import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { findRulesetFile, loadRuleset, RulesetLoadError } from '../../server/src/engine/spectral/rulesetLoader';
import { runSpectral } from '../../server/src/engine/spectral/spectralRunner';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';

const SPEC = 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\npaths:\n  /pets:\n    get:\n      responses:\n        "200":\n          description: ok\n';

test('finds .spectral.yaml next to the spec or higher up, within the workspace folder', async () => {
  const ws = new InMemoryWorkspace({ 'file:///ws/.spectral.yaml': 'extends: spectral:oas\n', 'file:///ws/api/spec.yaml': SPEC }, ['file:///ws']);
  assert.equal(await findRulesetFile(ws, 'file:///ws/api/spec.yaml', DEFAULT_SETTINGS), 'file:///ws/.spectral.yaml');
  ws.files.set('file:///ws/api/.spectral.json', '{"extends":"spectral:oas"}');
  assert.equal(await findRulesetFile(ws, 'file:///ws/api/spec.yaml', DEFAULT_SETTINGS), 'file:///ws/api/.spectral.json');
  assert.equal(await findRulesetFile(ws, 'file:///ws/api/spec.yaml', { ...DEFAULT_SETTINGS, ruleset: 'rules/team.yaml' }), 'file:///ws/rules/team.yaml');
});

test('a workspace ruleset with extends, overrides of severity and a custom given/then rule runs through Spectral', async () => {
  const ws = new InMemoryWorkspace({
    'file:///ws/.spectral.yaml': [
      'extends: [[spectral:oas, off]]',
      'rules:',
      '  operation-operationId: error',
      '  paths-no-pets:',
      '    description: No pets here',
      '    message: "Path {{property}} mentions pets"',
      '    severity: warn',
      '    given: "$.paths"',
      '    then:',
      '      field: "@key"',
      '      function: pattern',
      '      functionOptions:',
      '        notMatch: pets',
      '  specgate-property-casing: off',
    ].join('\n'),
    'file:///ws/spec.yaml': SPEC,
  }, ['file:///ws']);
  const loaded = await loadRuleset(ws, 'file:///ws/.spectral.yaml', DEFAULT_SETTINGS);
  assert.deepEqual(loaded.styleRules, { 'specgate-property-casing': 'off' });
  const byFile = await runSpectral('file:///ws/spec.yaml', SPEC, loaded.ruleset, ws, DEFAULT_SETTINGS);
  const found = byFile.get('file:///ws/spec.yaml')!.map((d) => [d.code, d.severity]);
  assert.deepEqual(found.sort(), [['operation-operationId', 1], ['paths-no-pets', 2]]);
});

test('a relative extends chain is followed', async () => {
  const ws = new InMemoryWorkspace({
    'file:///ws/.spectral.yaml': 'extends: [./base.yaml]\nrules:\n  info-contact: error\n',
    'file:///ws/base.yaml': 'extends: [[spectral:oas, recommended]]\nrules:\n  specgate-timestamp-format: error\n',
  }, ['file:///ws']);
  const loaded = await loadRuleset(ws, 'file:///ws/.spectral.yaml', DEFAULT_SETTINGS);
  assert.equal(loaded.styleRules['specgate-timestamp-format'], 'error');
  const byFile = await runSpectral('file:///ws/spec.yaml', SPEC, loaded.ruleset, ws, DEFAULT_SETTINGS);
  const contact = byFile.get('file:///ws/spec.yaml')!.find((d) => d.code === 'info-contact');
  assert.equal(contact?.severity, 1);
});

test('JavaScript rulesets and custom functions are skipped in an untrusted workspace, with one notice', async () => {
  const ws = new InMemoryWorkspace({
    'file:///ws/.spectral.yaml': 'extends: spectral:oas\nfunctions: [evil]\nrules: {}\n',
    'file:///ws/functions/evil.js': 'module.exports = () => { throw new Error("ran!"); };',
  }, ['file:///ws'], false);
  const loaded = await loadRuleset(ws, 'file:///ws/.spectral.yaml', DEFAULT_SETTINGS);
  assert.match(loaded.notice ?? '', /not trusted/);
  assert.match(loaded.notice ?? '', /custom functions/);
  const js = new InMemoryWorkspace({ 'file:///ws/.spectral.js': 'throw new Error("ran!")' }, ['file:///ws'], false);
  const loadedJs = await loadRuleset(js, 'file:///ws/.spectral.js', DEFAULT_SETTINGS);
  assert.match(loadedJs.notice ?? '', /\.spectral\.js.*not trusted/);
});

test('remote extends are refused unless allowed', async () => {
  const ws = new InMemoryWorkspace({ 'file:///ws/.spectral.yaml': 'extends: https://example.com/ruleset.yaml\n' }, ['file:///ws']);
  await assert.rejects(loadRuleset(ws, 'file:///ws/.spectral.yaml', DEFAULT_SETTINGS), (e: RulesetLoadError) => {
    assert.ok(e instanceof RulesetLoadError);
    assert.match(e.message, /allowRemoteReferences/);
    return true;
  });
});

test('a broken ruleset fails with the file and the reason', async () => {
  const ws = new InMemoryWorkspace({ 'file:///ws/.spectral.yaml': 'rules:\n  bad-rule:\n    given: "$"\n    then:\n      function: doesNotExist\n' }, ['file:///ws']);
  await assert.rejects(loadRuleset(ws, 'file:///ws/.spectral.yaml', DEFAULT_SETTINGS), (e: RulesetLoadError) => {
    assert.ok(e instanceof RulesetLoadError);
    assert.match(e.message, /\.spectral\.yaml/);
    assert.match(e.message, /doesNotExist|function/i);
    return true;
  });
  const ws2 = new InMemoryWorkspace({ 'file:///ws/.spectral.yaml': 'rules: [\n' }, ['file:///ws']);
  await assert.rejects(loadRuleset(ws2, 'file:///ws/.spectral.yaml', DEFAULT_SETTINGS), /invalid YAML/);
});

test('remote $refs in a spec are not fetched by default', async () => {
  let fetched = false;
  const ws = new InMemoryWorkspace({}, ['file:///ws']);
  (ws as unknown as { fetchRemote: () => Promise<string> }).fetchRemote = async () => { fetched = true; return '{}'; };
  const spec = SPEC.replace('description: ok', 'description: ok\n          content:\n            application/json:\n              schema:\n                $ref: "https://example.com/pet.yaml"');
  const loaded = await loadRuleset(new InMemoryWorkspace({ 'file:///ws/.spectral.yaml': 'extends: spectral:oas\n' }, ['file:///ws']), 'file:///ws/.spectral.yaml', DEFAULT_SETTINGS);
  await runSpectral('file:///ws/spec.yaml', spec, loaded.ruleset, ws, DEFAULT_SETTINGS);
  assert.equal(fetched, false);
});
