import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import * as path from 'path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/engine/languageService';
import { InMemoryWorkspace, type IGit } from '../../server/src/engine/workspace';
import { isNamingActionData } from '../../server/src/engine/languageFeatures/namingFixes';

const text = readFileSync(path.resolve(__dirname, '../../../test/fixtures/fixes/orders.yaml'), 'utf8');
const URI = 'file:///workspace/orders.yaml';
const OTHER = 'file:///workspace/catalog.yaml';
const other = `openapi: 3.0.3\ninfo: {title: Catalog, version: 1.0.0}\npaths: {}\ncomponents:\n  schemas:\n    Listing:\n      $ref: './orders.yaml#/components/schemas/order_item'\n`;

/** The baseline (HEAD) holds the same text: every name in it is published. */
function setup(published: boolean) {
  const git: IGit = {
    async readFileAt(uri) { return published && uri === URI ? { kind: 'ok', text, revision: 'abc123' } : { kind: 'untracked', message: 'untracked' }; },
    async resolveRef() { return 'abc123'; },
  };
  const service = createLanguageService({ workspace: new InMemoryWorkspace({ [URI]: text, [OTHER]: other }, ['file:///workspace'], true, git) });
  return service;
}

async function lightbulb(service: ReturnType<typeof setup>, code: string, needle: string, lazy: boolean, version = 1, source = text) {
  const doc = service.getDocument(URI, source, version);
  const diags = await service.getFastDiagnostics(doc);
  const d = diags.find((x) => x.code === code && source.slice(doc.textDocument.offsetAt(x.range.start)).startsWith(needle));
  assert.ok(d, `${code} on ${needle} not found`);
  return { doc, d: d as Diagnostic, actions: await service.getCodeActions(doc, d.range, [d], undefined, { lazy }) };
}

test('lazy lightbulb: same titles and breaking-awareness as eager, no edit; resolve gives the eager edit', async () => {
  for (const published of [false, true]) {
    const service = setup(published);
    const eager = await lightbulb(service, 'specgate-schema-name-casing', 'order_item', false);
    const lazy = await lightbulb(service, 'specgate-schema-name-casing', 'order_item', true);
    assert.deepEqual(lazy.actions.map((a) => [a.title, a.isPreferred]), eager.actions.map((a) => [a.title, a.isPreferred]));
    assert.equal(lazy.actions[0].title, `Rename order_item → OrderItem${published ? ' (breaking: published in HEAD)' : ''}`);
    const rename = lazy.actions[0];
    assert.equal(rename.edit, undefined);
    assert.ok(isNamingActionData(rename.data));
    // As a client does: the action comes back as JSON.
    const resolved = await service.resolveCodeAction(lazy.doc, JSON.parse(JSON.stringify(rename)) as CodeAction);
    assert.deepEqual(resolved.edit, eager.actions[0].edit);
    const uris = resolved.edit!.documentChanges!.map((c) => (c as { textDocument: { uri: string } }).textDocument.uri).sort();
    assert.deepEqual(uris, [OTHER, URI].sort());
  }
});

test('lazy "add and deprecate" for a published property resolves to the eager edit', async () => {
  const service = setup(true);
  const eager = await lightbulb(service, 'specgate-property-casing', "'created_at'", false);
  const lazy = await lightbulb(service, 'specgate-property-casing', "'created_at'", true);
  const titles = lazy.actions.map((a) => a.title);
  assert.deepEqual(titles, ['Rename created_at → createdAt (breaking: published in HEAD)', 'Add createdAt and deprecate created_at (non-breaking)']);
  assert.deepEqual(titles, eager.actions.map((a) => a.title));
  for (const [i, action] of lazy.actions.entries()) {
    assert.deepEqual((await service.resolveCodeAction(lazy.doc, action)).edit, eager.actions[i].edit);
  }
});

test('resolve against a newer version: the edit is for that version; a fixed finding resolves to no edit', async () => {
  const service = setup(false);
  const lazy = await lightbulb(service, 'specgate-schema-name-casing', 'order_item', true);
  // An edit above the finding's line: the finding moved, so the old diagnostic no longer matches.
  const moved = service.getDocument(URI, '# moved\n' + text, 2);
  assert.equal((await service.resolveCodeAction(moved, lazy.actions[0])).edit, undefined);
  // The same text in a new version: the edit carries version 2.
  const same = service.getDocument(URI, text, 3);
  const resolved = await service.resolveCodeAction(same, lazy.actions[0]);
  const mine = resolved.edit!.documentChanges!.find((c) => (c as { textDocument: { uri: string } }).textDocument.uri === URI) as { textDocument: { version: number } };
  assert.equal(mine.textDocument.version, 3);
});

/** A workspace whose directory listing (the index's initial scan) waits until `open()`. */
class SlowScanWorkspace extends InMemoryWorkspace {
  private opened!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.opened = resolve));
  listed = false;
  open(): void { this.opened(); }
  override async readDirectory(uri: string) {
    this.listed = true;
    await this.gate;
    return super.readDirectory(uri);
  }
}

test('the lightbulb answers from the document and the baseline while the workspace scan is still running; resolve then reaches other files', async () => {
  const git: IGit = {
    async readFileAt(uri) { return uri === URI ? { kind: 'ok', text, revision: 'abc123' } : { kind: 'untracked', message: 'untracked' }; },
    async resolveRef() { return 'abc123'; },
  };
  const workspace = new SlowScanWorkspace({ [URI]: text, [OTHER]: other }, ['file:///workspace'], true, git);
  const service = createLanguageService({ workspace });
  try {
    void service.index.ready(); // the server starts the scan at `initialized`
    let guard: NodeJS.Timeout | undefined;
    const stuck = new Promise<never>((_, reject) => (guard = setTimeout(() => reject(new Error('the lightbulb waited for the workspace scan')), 20_000)));
    const { doc, actions } = await Promise.race([lightbulb(service, 'specgate-schema-name-casing', 'order_item', true), stuck]).finally(() => clearTimeout(guard));
    assert.ok(workspace.listed, 'the scan had started');
    assert.equal(actions[0].title, 'Rename order_item → OrderItem (breaking: published in HEAD)');
    assert.equal(actions[0].edit, undefined);
    const resolving = service.resolveCodeAction(doc, actions[0]);
    workspace.open();
    const resolved = await resolving;
    const uris = resolved.edit!.documentChanges!.map((c) => (c as { textDocument: { uri: string } }).textDocument.uri).sort();
    assert.deepEqual(uris, [OTHER, URI].sort(), 'the $ref in the other file is renamed too');
  } finally {
    workspace.open();
  }
});
