import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, LspSession } from '../helpers/lspClient';
import { pathToUri } from '../../server/src/engine/uri';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/arazzo');
let dir: string;
let server: LspSession;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-lsp-arazzo-'));
  await fs.cp(FIXTURES, dir, { recursive: true });
  server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false } });
});
after(async () => {
  await server.shutdown();
  await fs.rm(dir, { recursive: true, force: true });
});

const arazzoCodes = (p: { diagnostics: Array<{ code?: unknown }> }) => p.diagnostics.map((d) => String(d.code)).filter((c) => c.startsWith('specgate-arazzo-'));

test('live: a typo in a step is reported as you type; editing the called spec (unsaved) re-checks the open workflow', async () => {
  const uri = pathToUri(path.join(dir, 'checkout.arazzo.yaml'));
  const text = await fs.readFile(path.join(dir, 'checkout.arazzo.yaml'), 'utf8');
  let wait = server.waitForDiagnostics(uri, (p) => p.version === 1);
  server.open(uri, text);
  assert.deepEqual(arazzoCodes(await wait), []);
  wait = server.waitForDiagnostics(uri, (p) => p.version === 2);
  server.change(uri, 2, text.replace('link: $response.body#/links/self', 'link: $response.body#/link/self'));
  const typed = await wait;
  assert.deepEqual(arazzoCodes(typed), ['specgate-arazzo-response-body-pointer']);
  const d = typed.diagnostics.find((x) => x.code === 'specgate-arazzo-response-body-pointer')!;
  assert.equal(d.codeDescription?.href.endsWith('docs/rules/specgate-arazzo-response-body-pointer.md'), true);
  const line = text.split('\n').findIndex((l) => l.includes('link: $response.body#/links/self'));
  assert.deepEqual(d.range, { start: { line, character: 16 }, end: { line, character: 16 + '$response.body#/link/self'.length } });

  // The spec renames the operation in an unsaved buffer: the workflow's step no longer resolves.
  const billingUri = pathToUri(path.join(dir, 'billing.yaml'));
  const billing = await fs.readFile(path.join(dir, 'billing.yaml'), 'utf8');
  const rechecked = server.waitForDiagnostics(uri, (p) => p.version === 2 && arazzoCodes(p).includes('specgate-arazzo-operation-id'));
  server.open(billingUri, billing.replace('operationId: createInvoice', 'operationId: issueInvoice'));
  const after = await rechecked;
  assert.match(String(after.diagnostics.find((x) => x.code === 'specgate-arazzo-operation-id')!.message), /"createInvoice" does not exist/);
  server.close(billingUri);
  server.close(uri);
});
