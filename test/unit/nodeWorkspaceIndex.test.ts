import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { FileWorkspaceIndex } from '../../server/src/engine/workspace/workspaceIndex';
import { pathToUri } from '../../server/src/engine/uri';

const OAS = 'openapi: 3.1.0\ninfo: { title: A, version: "1" }\npaths:\n  /orders:\n    $ref: "./paths/orders.yaml"\n';

test('on a real directory tree: discovery, .gitignore, node_modules, encoded names, $refs, then a change on disk', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-index-'));
  try {
    const write = async (rel: string, text: string) => {
      await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await fs.writeFile(path.join(dir, rel), text);
    };
    await write('.gitignore', 'dist/\n');
    await write('my apis/openapi.yaml', OAS);
    await write('my apis/paths/orders.yaml', 'get:\n  responses:\n    "200": { $ref: "../responses/ok.json" }\n');
    await write('my apis/responses/ok.json', '{ "description": "ok" }');
    await write('dist/openapi.yaml', OAS);
    await write('node_modules/x/openapi.yaml', OAS);
    await write('.github/CODEOWNERS', '* @org/api\n');
    await write('.spectral.yaml', 'extends: spectral:oas\n');
    await write('docs/guide.md', '# Guide\n');
    await write('catalog-info.yaml', 'apiVersion: backstage.io/v1alpha1\nkind: Component\n');
    const root = pathToUri(dir);
    const workspace = new NodeWorkspace([root], { trusted: false });
    const index = new FileWorkspaceIndex(workspace);
    await index.ready();
    const rel = (uri: string) => uri.slice(root.length + 1);
    assert.deepEqual(index.files().map((f) => `${f.kind} ${rel(f.uri)}`), [
      'codeowners .github/CODEOWNERS',
      'ruleset .spectral.yaml',
      'catalog catalog-info.yaml',
      'markdown docs/guide.md',
      'openapi my%20apis/openapi.yaml',
    ]);
    const spec = pathToUri(path.join(dir, 'my apis/openapi.yaml'));
    const okJson = pathToUri(path.join(dir, 'my apis/responses/ok.json'));
    assert.equal(index.files('openapi')[0].uri, spec, 'the same URI pathToUri (and an editor) gives');
    assert.deepEqual(index.referencedBy(okJson), [pathToUri(path.join(dir, 'my apis/paths/orders.yaml'))]);

    await write('my apis/v2.json', '{ "openapi": "3.0.3", "paths": {} }');
    await fs.rm(path.join(dir, 'docs/guide.md'));
    const changed = new Promise((resolve) => index.onDidChange(resolve));
    workspace.fireChanges([
      { uri: pathToUri(path.join(dir, 'my apis/v2.json')), type: 'created' },
      { uri: pathToUri(path.join(dir, 'docs')), type: 'deleted' },
    ]);
    await changed;
    assert.deepEqual(index.files('openapi').map((f) => rel(f.uri)), ['my%20apis/openapi.yaml', 'my%20apis/v2.json']);
    assert.deepEqual(index.files('markdown'), [], 'a deleted folder takes its files');
    index.dispose();
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
