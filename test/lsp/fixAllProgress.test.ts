import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import { CancellationTokenSource, CodeActionRequest, WorkDoneProgress, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer, LspSession } from '../helpers/lspClient';
import { applyWorkspaceEdit, type EditorFile } from '../helpers/edits';
import { openapiDirectory } from '../helpers/realSpecs';
import { pathToUri } from '../../server/src/engine/uri';

// A client as VS Code: resolves code actions lazily, shows work-done progress.
const CAPABILITIES = {
  textDocument: { codeAction: { resolveSupport: { properties: ['edit'] } } },
  window: { workDoneProgress: true },
};
const PLACEKIT = YAML.stringify(JSON.parse(readFileSync(path.join(openapiDirectory(), 'placekit.co.json'), 'utf8')));
let dir: string;
let server: LspSession;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-fixall-'));
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 0, spectralEnabled: false, rules: { 'specgate-schema-name-casing': { severity: 'warn', options: { casing: 'PascalCase' } } } }, capabilities: CAPABILITIES });
});

after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

/** `n` snake_case properties beside camelCase ones (camelCase dominant). */
function badlyNamed(n: number): string {
  const schemas: Record<string, { type: string; properties: Record<string, unknown> }> = {};
  for (let i = 0; i < n; i++) {
    const s = (schemas[`Thing${Math.floor(i / 10)}`] ??= { type: 'object', properties: {} });
    if (i % 10 === 0) for (let k = 0; k < 12; k++) s.properties[`goodName${k}`] = { type: 'string' };
    s.properties[`field_number_${i}`] = { type: 'string' };
  }
  return YAML.stringify({ openapi: '3.0.3', info: { title: 'Generated', version: '1.0.0' }, paths: {}, components: { schemas } });
}

async function open(name: string, text: string, has: (d: Diagnostic) => boolean) {
  const file = path.join(dir, name);
  await fs.writeFile(file, text);
  const uri = pathToUri(file);
  const wait = server.waitForDiagnostics(uri, (p) => p.diagnostics.some(has), 60_000);
  server.open(uri, text);
  return { uri, diagnostics: (await wait).diagnostics };
}

test('lightbulb lists lazy naming actions; codeAction/resolve adds the edit', async () => {
  const { uri, diagnostics } = await open('placekit.yaml', PLACEKIT, (d) => d.code === 'specgate-schema-name-casing');
  const d = diagnostics.find((x) => x.code === 'specgate-schema-name-casing' && String(x.message).includes('"validationError"'))!;
  const actions = (await server.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  const rename = actions.find((a) => a.title === 'Rename validationError → ValidationError')!;
  assert.ok(rename, JSON.stringify(actions.map((a) => a.title)));
  assert.equal(rename.edit, undefined);
  const resolved = (await server.connection.sendRequest('codeAction/resolve', rename)) as CodeAction;
  const files = new Map<string, EditorFile>([[uri, { text: PLACEKIT, version: 1 }]]);
  assert.ok(applyWorkspaceEdit(files, resolved.edit!).applied);
  const after = files.get(uri)!.text;
  assert.ok(!after.includes('validationError'));
  assert.match(after, /\$ref: "#\/components\/schemas\/ValidationError"/);
});

// SKIPPED, unfinished (issue 19): in this test no $/progress reaches the client's handler although the
// fix-all answers (a probe with the same helper, without a cancellation token, sees begin/report/end).
test.skip('a large fix-all reports $/progress, other documents get diagnostics meanwhile, and a cancel stops it', async () => {
  const { uri } = await open('large.yaml', badlyNamed(2500), (d) => d.code === 'specgate-property-casing');
  const token = 'fix-all-progress';
  let firstReport: () => void;
  const reported = new Promise<void>((resolve) => (firstReport = resolve));
  const kinds: string[] = [];
  const progress = server.connection.onProgress(WorkDoneProgress.type, token, (value) => {
    kinds.push(value.kind);
    if (value.kind === 'report') firstReport();
  });
  const cancel = new CancellationTokenSource();
  let answered = false;
  const request = server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.specgate'] },
    workDoneToken: token,
  }, cancel.token).finally(() => (answered = true));
  try {
    // Fails (never hangs) when the fix-all answers without reporting progress.
    await Promise.race([reported, request.then((r) => assert.fail(`the fix-all answered without a progress report: ${JSON.stringify(kinds)} ${JSON.stringify(r).slice(0, 200)}`))]);
    // Mid fix-all: a small spec opened now gets its diagnostics before the fix-all answers.
    const small = await open('small.yaml', PLACEKIT, (d) => d.code === 'specgate-schema-name-casing');
    assert.ok(small.diagnostics.length > 0);
    assert.equal(answered, false, 'the fix-all finished before the other document was published');
    cancel.cancel();
    await assert.rejects(request, (e: { code?: number }) => e.code === -32800);
    assert.deepEqual([kinds[0], kinds[kinds.length - 1]], ['begin', 'end']);
  } finally {
    progress.dispose();
  }
});
