import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as YAML from 'yaml';
import {
  CancellationTokenSource,
  CodeActionRequest,
  LSPErrorCodes,
  WorkDoneProgress,
  WorkDoneProgressCancelNotification,
  WorkDoneProgressCreateRequest,
  type CodeAction,
  type Diagnostic,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol/node';
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

/** A small spec with one schema-name finding (the document whose diagnostics must keep flowing). */
const SMALL = 'openapi: 3.0.3\ninfo: {title: Small, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    order_item:\n      type: object\n';
const FIX_ALL_CONTEXT = { diagnostics: [], only: ['source.fixAll.specgate'] };
const ORIGIN = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

let large: Promise<string> | undefined;
/** The 10,000-fix document (seconds of fix-all, also warm), opened once for the tests below. */
const largeUri = () => (large ??= (async () => {
  const { uri } = await open('large.yaml', badlyNamed(10_000), (d) => d.code === 'specgate-property-casing');
  // Its remaining analysis layers done: the fix-all then competes only with the other document.
  await server.waitForAnalysis(uri, 1, 120_000);
  return uri;
})());

/**
 * A fresh copy of the large document for a cancellation test. Once a document's findings and
 * reference sites are computed, its fix-all takes milliseconds and can answer before a cancel
 * reaches the server; on a fresh copy that preparation yields to the event loop, where the cancel lands.
 */
let copies = 0;
const freshLargeUri = async () => (await open(`large-${++copies}.yaml`, badlyNamed(10_000), (d) => d.code === 'specgate-property-casing')).uri;

/** Progress values of one token; `seen(kind)` resolves at the first value of that kind. */
function progressLog() {
  const kinds: string[] = [];
  const waiting: Array<{ kind: string; resolve: () => void }> = [];
  const next = (kind: string) => new Promise<void>((resolve) => waiting.push({ kind, resolve }));
  const seen = (kind: string) => (kinds.includes(kind) ? Promise.resolve() : next(kind));
  const record = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => {
    kinds.push(value.kind);
    for (const w of waiting.filter((x) => x.kind === value.kind)) {
      waiting.splice(waiting.indexOf(w), 1);
      w.resolve();
    }
  };
  return { kinds, seen, record };
}

/** Sends a fix-all of the large document; resolves with its answer. */
function fixAll(uri: string, workDoneToken?: string, cancel?: CancellationTokenSource) {
  return server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: ORIGIN, context: FIX_ALL_CONTEXT, ...(workDoneToken ? { workDoneToken } : {}) }, cancel?.token);
}

/** Fails (never hangs) when the request answers before `what` happens. */
function beforeAnswer<T>(what: string, happens: Promise<T>, request: Promise<unknown>, log: ReturnType<typeof progressLog>): Promise<T> {
  return Promise.race([happens, request.then((r) => assert.fail(`the fix-all answered before ${what}: ${JSON.stringify(log.kinds.slice(-3))} ${JSON.stringify(r).slice(0, 200)}`))]);
}

test('while a large fix-all runs, another document opened meanwhile gets its diagnostics; progress begin, report, end arrive on the client token', async () => {
  const uri = await largeUri();
  const token = 'fix-all-flow';
  const log = progressLog();
  const progress = server.connection.onProgress(WorkDoneProgress.type, token, log.record);
  try {
    let answered = false;
    const request = fixAll(uri, token).finally(() => (answered = true));
    await beforeAnswer('any progress report', log.seen('report'), request, log);
    const small = await beforeAnswer('the other document was published', open('small-1.yaml', SMALL, (d) => d.code === 'specgate-schema-name-casing'), request, log);
    assert.equal(answered, false);
    assert.ok(small.diagnostics.some((d) => String(d.message).includes('order_item')));
    const actions = (await request) as CodeAction[];
    assert.equal(actions[0].title, 'Fix 10000 naming findings (non-breaking)');
    await log.seen('end');
    assert.equal(log.kinds[0], 'begin');
    assert.equal(log.kinds[log.kinds.length - 1], 'end');
  } finally {
    progress.dispose();
  }
});

test('cancelling a fix-all request stops it: RequestCancelled, and its progress ends', async () => {
  const uri = await freshLargeUri();
  const token = 'fix-all-cancelled';
  const log = progressLog();
  const progress = server.connection.onProgress(WorkDoneProgress.type, token, log.record);
  const cancel = new CancellationTokenSource();
  try {
    const request = fixAll(uri, token, cancel);
    // At once: the fixes themselves take milliseconds once the document's findings are known, so a
    // cancel sent after the first progress report can arrive after the answer.
    cancel.cancel();
    await assert.rejects(request, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
    await log.seen('end');
    assert.deepEqual([log.kinds[0], log.kinds[log.kinds.length - 1]], ['begin', 'end']);
  } finally {
    progress.dispose();
  }
});

test('without a client token the server creates one (window/workDoneProgress/create); cancelling that progress stops the fix-all', async () => {
  const uri = await freshLargeUri();
  const log = progressLog();
  const created: string[] = [];
  const disposables: Array<{ dispose(): void }> = [];
  // Registered before answering the create request, so no progress of the new token is missed.
  disposables.push(server.connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
    created.push(String(params.token));
    disposables.push(server.connection.onProgress(WorkDoneProgress.type, params.token, log.record));
    // Cancelled right after this answer: later, the answer can overtake the cancel (see above).
    setImmediate(() => void server.connection.sendNotification(WorkDoneProgressCancelNotification.type, { token: params.token }));
  }));
  try {
    const request = fixAll(uri);
    await assert.rejects(request, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
    assert.equal(created.length, 1);
    await log.seen('end');
    assert.deepEqual([log.kinds[0], log.kinds[log.kinds.length - 1]], ['begin', 'end']);
  } finally {
    for (const d of disposables) d.dispose();
    server.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  }
});
