import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startServer, codes } from '../helpers/lspClient';
import { pathToUri } from '../../server/src/engine/uri';

// Bug 3 of issue 9: a root spec $refs ./schemas/order.yaml, which holds `created_at` among
// camelCase names. Fixing the fragment must clear the finding the root's analysis put there.
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/multifile');
const CASING = 'specgate-property-casing';

async function workspaceCopy(): Promise<{ dir: string; root: string; fragment: string; fragmentText: string }> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-deps-'));
  await fs.cp(FIXTURES, dir, { recursive: true });
  const fragmentText = await fs.readFile(path.join(dir, 'schemas/order.yaml'), 'utf8');
  assert.match(fragmentText, /created_at/);
  return { dir, root: pathToUri(path.join(dir, 'openapi.yaml')), fragment: pathToUri(path.join(dir, 'schemas/order.yaml')), fragmentText };
}

for (const watchFiles of [false, true]) {
  test(`fixing the name in the fragment's buffer clears the finding (root and fragment open${watchFiles ? ', watching client' : ''})`, async () => {
    const { dir, root, fragment, fragmentText } = await workspaceCopy();
    const server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false }, watchFiles });
    try {
      const found = server.waitForDiagnostics(fragment, (p) => codes(p.diagnostics).includes(CASING));
      server.open(root, await fs.readFile(path.join(dir, 'openapi.yaml'), 'utf8'));
      server.open(fragment, fragmentText);
      await found;
      const cleared = server.waitForDiagnostics(fragment, (p) => !codes(p.diagnostics).includes(CASING));
      server.change(fragment, 2, fragmentText.replace('created_at', 'createdAt'));
      await cleared;
      // And the finding comes back when the buffer breaks the name again: the root follows every edit.
      const back = server.waitForDiagnostics(fragment, (p) => codes(p.diagnostics).includes(CASING));
      server.change(fragment, 3, fragmentText.replace('totalAmount', 'total_amount').replace('created_at', 'createdAt'));
      const { diagnostics } = await back;
      assert.match(String(diagnostics.find((d) => d.code === CASING)?.message), /total_amount|totalAmount/);
    } finally {
      await server.shutdown();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
}

test('fixing the fragment on disk (a watched-files event) clears the finding; the server registered its watchers', async () => {
  const { dir, root, fragment, fragmentText } = await workspaceCopy();
  const server = await startServer({ rootUri: pathToUri(dir), settings: { debounceMs: 20, spectralEnabled: false }, watchFiles: true });
  try {
    const found = server.waitForDiagnostics(fragment, (p) => codes(p.diagnostics).includes(CASING));
    server.open(root, await fs.readFile(path.join(dir, 'openapi.yaml'), 'utf8'));
    await found;
    const watchers = server.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.ok(JSON.stringify(watchers?.registerOptions).includes('**/*.{yaml,yml,json,md}'), 'watchers registered');
    await fs.writeFile(path.join(dir, 'schemas/order.yaml'), fragmentText.replace('created_at', 'createdAt'));
    const cleared = server.waitForDiagnostics(fragment, (p) => !codes(p.diagnostics).includes(CASING));
    server.changeWatchedFiles([{ uri: fragment, type: 2 }]);
    await cleared;
  } finally {
    await server.shutdown();
    await fs.rm(dir, { recursive: true, force: true });
  }
});
