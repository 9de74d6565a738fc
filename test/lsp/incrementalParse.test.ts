// The incremental parse behind a real LSP conversation: range-based didChange events (as VS Code
// sends them) on a real spec; after every version the server publishes exactly what a server that
// opens that text from scratch publishes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import * as YAML from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, LspSession } from '../helpers/lspClient';
import { scratch } from '../helpers/scratch';
import { pathToUri } from '../../server/src/engine/uri';
import { openapiDirectory } from '../helpers/realSpecs';
import { RandomEditor, seededRandom } from '../helpers/randomEdits';
import { editSpan } from '../../server/src/engine/document/editSpan';

const { tempDir, keep } = scratch();

/** The last publish the server made for `uri` at `version`. */
function lastPublish(server: LspSession, uri: string, version: number): PublishDiagnosticsParams | undefined {
  return server.published.filter((p) => p.uri === uri && p.version === version).pop();
}

test('edits sent as ranges publish the same diagnostics as opening each text from scratch', async (t) => {
  const file = path.join(openapiDirectory(), 'launchdarkly.com.json');
  if (!existsSync(file)) return t.skip('launchdarkly.com.json not in the cache');
  const dir = await tempDir('specgate-incremental-');
  const uri = pathToUri(path.join(dir, 'openapi.yaml'));
  let text = YAML.stringify(JSON.parse(readFileSync(file, 'utf8')), { lineWidth: 0 });
  const settings = { debounceMs: 0, spectralEnabled: false };
  const editing = await startServer({ rootUri: pathToUri(dir), trusted: true, settings });
  const fresh = await startServer({ rootUri: pathToUri(dir), trusted: true, settings });
  keep(editing, fresh);
  editing.open(uri, text, 'yaml', 1);
  await editing.waitForAnalysis(uri, 1);
  const editor = new RandomEditor(text, seededRandom(7));
  let broken = false;
  for (let version = 2; version <= 16; version++) {
    const next = editor.next(broken).text;
    const span = editSpan(text, next);
    const before = TextDocument.create(uri, 'yaml', version - 1, text);
    await editing.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: before.positionAt(span.start), end: before.positionAt(span.oldEnd) }, text: next.slice(span.start, span.newEnd) }],
    });
    text = next;
    fresh.open(uri, text, 'yaml', version);
    await Promise.all([editing.waitForAnalysis(uri, version), fresh.waitForAnalysis(uri, version)]);
    fresh.close(uri);
    const got = lastPublish(editing, uri, version);
    const want = lastPublish(fresh, uri, version);
    assert.ok(got && want, `version ${version}: both servers published`);
    assert.deepEqual(got.diagnostics, want.diagnostics, `version ${version}`);
    broken = want.diagnostics.some((d) => d.code === 'specgate-syntax');
  }
});
