import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { loadPlainRuleset } from '../../server/src/engine/spectral/plainRuleset';
import { loadRuleset, loadWithBundler } from '../../server/src/engine/spectral/rulesetLoader';
import { runSpectral } from '../../server/src/engine/spectral/spectralRunner';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';

// The plain path must build the very ruleset spectral-cli's migrator and rollup build.
const SAME_AS_BUNDLER: Record<string, string> = {
  'extends only': 'extends: ["spectral:oas"]\n',
  'extends as a string, JSON': '{"extends": "spectral:oas"}',
  'two built-ins with a severity': 'extends: [[spectral:oas, all], [spectral:arazzo, recommended]]\n',
  asyncapi: 'extends: spectral:asyncapi\n',
  'severities, off and booleans': [
    'extends: [[spectral:oas, recommended]]',
    'rules:',
    '  operation-operationId: error',
    '  info-contact: off',
    '  operation-tags: false',
    '  oas3-api-servers: hint',
  ].join('\n'),
  'custom rules with core functions, then as a list, functionOptions': [
    'extends: spectral:oas',
    'documentationUrl: https://example.com/rules',
    'rules:',
    '  paths-kebab:',
    '    description: Paths are kebab-case',
    '    message: "{{property}} is not kebab-case"',
    '    severity: warn',
    '    given: "$.paths[*]~"',
    '    then:',
    '      function: pattern',
    '      functionOptions: { match: "^(/[a-z0-9-{}]+)+$" }',
    '  tags-described:',
    '    given: ["$.tags[*]", "$.x-tags[*]"]',
    '    then:',
    '      - field: description',
    '        function: truthy',
    '      - field: name',
    '        function: casing',
    '        functionOptions: { type: kebab }',
  ].join('\n'),
};

for (const [name, text] of Object.entries(SAME_AS_BUNDLER)) {
  test(`plain ruleset equals the bundler's: ${name}`, async () => {
    const file = text.trimStart().startsWith('{') ? '/ws/.spectral.json' : '/ws/.spectral.yaml';
    const ws = new InMemoryWorkspace({ [`file://${file}`]: text }, ['file:///ws']);
    const plain = loadPlainRuleset(text, file);
    assert.ok(plain, 'the plain path takes this ruleset');
    const bundled = await loadWithBundler(ws, `file://${file}`, DEFAULT_SETTINGS);
    assert.deepEqual(comparable(plain), comparable(bundled));
  });
}

/** A ruleset's JSON without the instance counters (`id`, a rule's `owner`) that differ between any two loads. */
function comparable(ruleset: { toJSON(): unknown }): unknown {
  return JSON.parse(JSON.stringify(ruleset.toJSON()), (key, value) => ((key === 'id' || key === 'owner') && typeof value === 'number' ? undefined : value));
}

// What the migrator rewrites, or what Spectral rejects, is left to the bundler.
const LEFT_TO_BUNDLER: Record<string, string> = {
  'a renamed legacy rule id': 'extends: spectral:oas\nrules:\n  operation-2xx-response: warn\n',
  'formats on a rule': 'extends: spectral:oas\nrules:\n  r:\n    given: $\n    formats: [oas3]\n    then: { function: truthy }\n',
  'an extends of a file': 'extends: [./base.yaml]\n',
  'an extends of a package': 'extends: [some-ruleset-package]\n',
  'custom functions': 'functions: [mine]\nrules:\n  r: { given: $, then: { function: mine } }\n',
  'an unknown function': 'rules:\n  r: { given: $, then: { function: nope } }\n',
  overrides: 'extends: spectral:oas\noverrides:\n  - files: ["*.yaml"]\n    rules: { info-contact: off }\n',
  except: 'extends: spectral:oas\nexcept:\n  "spec.yaml#": [info-contact]\n',
  'a ruleset Spectral rejects': 'extends: spectral:oas\nrules:\n  r: { given: 42, then: { function: truthy } }\n',
  'a rule object without given and then': 'extends: spectral:oas\nrules:\n  operation-description:\n    severity: error\n',
  'broken YAML': 'extends: [spectral:oas\n',
  'an unknown built-in': 'extends: spectral:graphql\n',
};

for (const [name, text] of Object.entries(LEFT_TO_BUNDLER)) {
  test(`plain ruleset declines: ${name}`, () => {
    assert.equal(loadPlainRuleset(text, '/ws/.spectral.yaml'), undefined);
  });
}

test('a rejected ruleset fails with the bundler path\'s error, and a plain one lints as before', async () => {
  const spec = 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\npaths:\n  /Pets:\n    get:\n      responses:\n        "200":\n          description: ok\n';
  const ws = new InMemoryWorkspace({
    'file:///ws/.spectral.yaml': LEFT_TO_BUNDLER['a ruleset Spectral rejects'],
    'file:///ws/ok/.spectral.yaml': SAME_AS_BUNDLER['custom rules with core functions, then as a list, functionOptions'],
    'file:///ws/ok/spec.yaml': spec,
  }, ['file:///ws']);
  await assert.rejects(loadRuleset(ws, 'file:///ws/.spectral.yaml', DEFAULT_SETTINGS), /valid JSON Path expression/);
  const loaded = await loadRuleset(ws, 'file:///ws/ok/.spectral.yaml', DEFAULT_SETTINGS);
  const findings = (await runSpectral('file:///ws/ok/spec.yaml', spec, loaded.ruleset, ws, DEFAULT_SETTINGS)).get('file:///ws/ok/spec.yaml') ?? [];
  assert.ok(findings.some((f) => f.code === 'paths-kebab' && f.message === '/Pets is not kebab-case'), JSON.stringify(findings.map((f) => f.code)));
});
