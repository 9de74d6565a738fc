import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InMemoryWorkspace } from '../../server/src/engine/workspace';
import { createLanguageService } from '../../server/src/engine/languageService';
import { DEFAULT_SETTINGS } from '../../server/src/engine/settings';

// Issue 9: "about 30 ruleset-file probes per keystroke". Counted with a workspace that records
// every read, for a spec four folders below the workspace root, over ten edits.
const W = 'file:///ws';
const SPEC_URI = `${W}/services/orders/api/v1/openapi.yaml`;
// Two kebab-case paths make kebab-case the document's convention, so `/order_items` is the outlier.
const spec = (n: number) => `openapi: 3.0.3\ninfo: { title: T, version: "${n}" }\npaths:\n  /order-history:\n    get:\n      responses: { "200": { description: ok } }\n  /shipping-labels:\n    get:\n      responses: { "200": { description: ok } }\n  /order_items:\n    get:\n      responses: { "200": { description: ok } }\n`;

/** Until the index has absorbed the events so far (FileWorkspaceIndex.settled). */
const settled = (index: unknown) => (index as { settled(): Promise<void> }).settled();

async function readsPerEdit(fileChangesReported: boolean) {
  const workspace = new InMemoryWorkspace({ [SPEC_URI]: spec(0), [`${W}/.spectral.yaml`]: 'rules:\n  specgate-path-segment-casing: error\n' }, [W]);
  const settings = { ...DEFAULT_SETTINGS, spectralEnabled: false };
  const service = createLanguageService({ workspace, getSettings: () => settings, fileChangesReported: () => fileChangesReported });
  await service.index.ready();
  let reads = 0;
  const readFile = workspace.readFile.bind(workspace);
  workspace.readFile = async (uri) => { reads++; return readFile(uri); };
  await service.getFastDiagnostics(service.getDocument(SPEC_URI, spec(1), 1)); // warm-up
  reads = 0;
  for (let v = 2; v < 12; v++) await service.getFastDiagnostics(service.getDocument(SPEC_URI, spec(v), v));
  return { perEdit: reads / 10, workspace, service };
}

test('without change events every edit probes each .spectral.* name in each parent folder (the old behaviour)', async () => {
  const { perEdit } = await readsPerEdit(false);
  // 5 folders (v1, api, orders, services, root) x 6 names until the root's .spectral.yaml is found, plus reading it.
  assert.equal(perEdit, 4 * 6 + 1 + 1);
});

test('with change events an edit reads nothing: the index knows the ruleset files and caches their text', async () => {
  const { perEdit, workspace, service } = await readsPerEdit(true);
  assert.equal(perEdit, 0);
  const severity = async (v: number) => (await service.getFastDiagnostics(service.getDocument(SPEC_URI, spec(v), v)))
    .find((d) => d.code === 'specgate-path-segment-casing')?.severity;
  assert.equal(await severity(20), 1);
  // A nearer ruleset appears: the event puts it in the index, and it applies from the next edit on.
  workspace.setFile(`${W}/services/orders/.spectral.yaml`, 'rules:\n  specgate-path-segment-casing: hint\n');
  await settled(service.index);
  assert.equal(await severity(21), 4);
  // The root ruleset's text changes: the cached text is dropped by the event.
  workspace.deleteFile(`${W}/services/orders/.spectral.yaml`);
  workspace.setFile(`${W}/.spectral.yaml`, 'rules:\n  specgate-path-segment-casing: warn\n');
  await settled(service.index);
  assert.equal(await severity(22), 2);
});
