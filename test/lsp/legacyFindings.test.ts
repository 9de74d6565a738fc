import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { startServer, type LspSession } from '../helpers/lspClient';
import { git, initRepo } from '../helpers/git';
import { pathToUri } from '../../server/src/engine/uri';

const PUBLISHED = readFileSync(path.resolve(__dirname, '../../../test/fixtures/legacy/issues.yaml'), 'utf8');
const EDITED = PUBLISHED.replace('        created_at: { type: string }\n', '        created_at: { type: string }\n        closed_at: { type: string }\n');
let dir: string;
let uri: string;

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-legacy-'));
  initRepo(dir);
  await fs.writeFile(path.join(dir, 'issues.yaml'), PUBLISHED);
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'published');
  uri = pathToUri(path.join(dir, 'issues.yaml'));
});
after(() => fs.rm(dir, { recursive: true, force: true }));

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
const onLine = (p: PublishDiagnosticsParams, line: number, code: string): Diagnostic | undefined =>
  p.diagnostics.find((d) => d.range.start.line === line && d.code === code);

async function session(legacyFindings?: string): Promise<LspSession> {
  const settings: Record<string, unknown> = { debounceMs: 20, spectralEnabled: false };
  if (legacyFindings) settings.legacyFindings = legacyFindings;
  return startServer({ rootUri: pathToUri(dir), settings });
}

test('editor: the new closed_at keeps the rule severity, the published created_at is a hint not counted in the status', async () => {
  const server = await session();
  try {
    const created = lineOf(EDITED, 'created_at:');
    const closed = lineOf(EDITED, 'closed_at:');
    // The baseline is read after the first publish: wait for the publish that has classified created_at.
    const wait = server.waitForDiagnostics(uri, (p) => onLine(p, created, 'specgate-property-casing')?.severity === 4);
    server.open(uri, EDITED);
    const p = await wait;
    assert.equal(onLine(p, closed, 'specgate-property-casing')?.severity, 2);
    assert.equal(onLine(p, closed, 'specgate-timestamp-format')?.severity, 2);
    const legacy = onLine(p, created, 'specgate-timestamp-format')!;
    assert.equal(legacy.severity, 4);
    assert.match(String(legacy.message), /already published in HEAD; renaming breaks clients/);
    assert.equal((legacy.data as { legacy?: boolean }).legacy, true);
    const status = server.notifications.filter((n) => n.method === 'specgate/status').map((n) => n.params as { warnings: number; total: number }).pop()!;
    assert.deepEqual([status.warnings, status.total], [2, 2], 'only the two new findings count');
  } finally {
    await server.shutdown();
  }
});

test('editor: legacyFindings "hide" drops published findings, "same" keeps their severity', async () => {
  const closed = lineOf(EDITED, 'closed_at:');
  const created = lineOf(EDITED, 'created_at:');
  const hidden = await session('hide');
  try {
    // Classified once the baseline is known: created_at's findings disappear while closed_at's stay.
    const wait = hidden.waitForDiagnostics(uri, (p) => !onLine(p, created, 'specgate-property-casing') && !!onLine(p, closed, 'specgate-property-casing'));
    hidden.open(uri, EDITED);
    const p = await wait;
    assert.equal(onLine(p, closed, 'specgate-timestamp-format')?.severity, 2);
  } finally {
    await hidden.shutdown();
  }
  const same = await session('same');
  try {
    const wait = same.waitForDiagnostics(uri, (p) => (onLine(p, created, 'specgate-property-casing')?.data as { legacy?: boolean } | undefined)?.legacy === true);
    same.open(uri, EDITED);
    const p = await wait;
    assert.equal(onLine(p, created, 'specgate-property-casing')?.severity, 2);
  } finally {
    await same.shutdown();
  }
});
