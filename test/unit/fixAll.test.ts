import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as YAML from 'yaml';
import type { CodeAction } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { CancelledError } from '../../server/src/engine/references/cancellation';
import { FIX_ALL_KIND } from '../../server/src/engine/languageFeatures/fixAll';
import { applyWorkspaceEdit, type EditorFile } from '../helpers/edits';

const URI = 'file:///workspace/generated.yaml';
const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** `n` snake_case properties beside camelCase ones (camelCase dominant), each in `required` too. */
function spec(n: number): string {
  const schemas: Record<string, { type: string; required: string[]; properties: Record<string, unknown> }> = {};
  for (let i = 0; i < n; i++) {
    const s = (schemas[`Thing${Math.floor(i / 10)}`] ??= { type: 'object', required: [], properties: {} });
    if (i % 10 === 0) for (let k = 0; k < 12; k++) s.properties[`goodName${k}`] = { type: 'string' };
    s.properties[`field_number_${i}`] = { type: 'string' };
    s.required.push(`field_number_${i}`);
  }
  return YAML.stringify({ openapi: '3.0.3', info: { title: 'Generated', version: '1.0.0' }, paths: {}, components: { schemas } });
}

async function fixAll(n: number, control?: Parameters<ReturnType<typeof createLanguageService>['getCodeActions']>[4]) {
  const text = spec(n);
  const service = createLanguageService({ workspace: new InMemoryWorkspace({ [URI]: text }) });
  const doc = service.getDocument(URI, text, 1);
  await service.getFastDiagnostics(doc);
  return { service, text, actions: await service.getCodeActions(doc, ORIGIN, [], [FIX_ALL_KIND], control) };
}

test('fix-all renames every property and its required entry in one edit; nothing is left to fix', async () => {
  const { service, text, actions } = await fixAll(300);
  assert.equal(actions.length, 1);
  assert.equal(actions[0].title, 'Fix 300 naming findings (non-breaking)');
  const files = new Map<string, EditorFile>([[URI, { text, version: 1 }]]);
  assert.ok(applyWorkspaceEdit(files, (actions[0] as CodeAction).edit!).applied);
  const after = files.get(URI)!.text;
  assert.ok(!after.includes('field_number_'));
  assert.match(after, /required:\n\s+- fieldNumber0\n/);
  const again = await service.getFastDiagnostics(service.getDocument(URI, after, 2));
  assert.deepEqual(again.filter((d) => d.code === 'specgate-property-casing'), []);
});

test('fix-all reports progress, and stops with CancelledError once cancelled', async () => {
  const seen: number[] = [];
  let cancelled = false;
  const token = { get isCancellationRequested() { return cancelled; } };
  await assert.rejects(fixAll(600, {
    control: {
      token,
      progress: (done) => {
        seen.push(done);
        if (done >= 100) cancelled = true;
      },
    },
  }), CancelledError);
  assert.deepEqual(seen.slice(0, 3), [0, 50, 100]);
  assert.ok(seen.length < 12, `went on after the cancellation: ${seen}`);
});

test('fix-all time grows linearly: 4× the fixes take well under 16× the time', async () => {
  await fixAll(100); // warm-up (JIT)
  const time = async (n: number) => {
    const t = performance.now();
    const { actions } = await fixAll(n);
    assert.equal(actions[0].title, `Fix ${n} naming findings (non-breaking)`);
    return performance.now() - t;
  };
  const small = await time(200);
  const large = await time(800);
  // Quadratic growth would be ×16; linear ×4 (parse and style guide included in both).
  assert.ok(large < small * 10, `200 fixes: ${small.toFixed(0)} ms, 800 fixes: ${large.toFixed(0)} ms`);
});
