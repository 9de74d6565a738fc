import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ruleset } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { runSpectral } from '../../server/src/engine/spectral/spectralRunner';
import { CancelledError } from '../../server/src/engine/references/cancellation';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';
import type { Diagnostic } from 'vscode-languageserver-types';

const uri = 'file:///ws/openapi.yaml';
// Findings from several rules: no contact, description or tags, operations without ids or descriptions.
const text = `openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\npaths:\n${['a', 'b', 'c', 'd'].map((p) => `  /${p}:\n    get:\n      responses:\n        '200':\n          description: ok\n`).join('')}`;
const workspace = new InMemoryWorkspace({ [uri]: text }, ['file:///ws']);
const ruleset = new Ruleset({ extends: [[oas as never, 'recommended']] } as never);
const lint = (token?: { isCancellationRequested: boolean }) => runSpectral(uri, text, ruleset, workspace, DEFAULT_SETTINGS, undefined, token);
const summary = (byFile: Map<string, Diagnostic[]>) =>
  [...byFile].flatMap(([f, list]) => list.map((d) => `${f} ${String(d.code)} ${JSON.stringify(d.range)} ${JSON.stringify(d.message)}`));

test('once its token is cancelled, a run calls no further rule function and ends with CancelledError', async () => {
  const token = { isCancellationRequested: false };
  const seen: string[] = [];
  // Cancels its own run on the second path it is called for, as an edit arriving mid-run does.
  const counting = new Ruleset({
    extends: [[oas as never, 'recommended']],
    rules: {
      'count-paths': {
        given: '$.paths[*]~',
        then: {
          function: (path: string) => {
            seen.push(path);
            if (seen.length === 2) token.isCancellationRequested = true;
            return [];
          },
        },
      },
    },
  } as never);
  await assert.rejects(runSpectral(uri, text, counting, workspace, DEFAULT_SETTINGS, undefined, token), CancelledError);
  assert.deepEqual(seen, ['/a', '/b'], 'no rule function ran after the cancellation');
});

test('guards change no finding, and leave the ruleset as it was for later runs', async () => {
  const plain = summary(await lint());
  assert.ok(plain.length > 3, `the document has findings: ${plain.length}`);
  const cancelled = { isCancellationRequested: true };
  await assert.rejects(lint(cancelled), CancelledError);
  // A token that is never cancelled changes nothing, however often the guards are put on and taken off.
  const live = { isCancellationRequested: false };
  assert.deepEqual(summary(await lint(live)), plain);
  assert.deepEqual(summary(await lint(live)), plain);
  assert.deepEqual(summary(await lint()), plain, 'a run without a token after guarded ones');
});
