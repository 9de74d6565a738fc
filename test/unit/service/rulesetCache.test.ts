import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RulesetCache } from '../../../server/src/engine/service/rulesetCache';
import { FileWorkspaceIndex } from '../../../server/src/engine/workspace/workspaceIndex';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace';
import { DEFAULT_SETTINGS } from '../../../server/src/engine/settings';
import { pathToUri } from '../../../server/src/engine/uri';

const dirs: string[] = [];
after(() => Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true }))));

test('a ruleset is loaded once per text; a changed file (or a fixed broken one) loads again', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-rulesets-'));
  dirs.push(dir);
  const file = path.join(dir, '.spectral.yaml');
  await fs.writeFile(file, 'rules:\n  broken:\n    given: "$"\n    then:\n      function: noSuchFunction\n');
  const workspace = new NodeWorkspace([pathToUri(dir)], { trusted: false });
  // No change events here: the index reads files again, as for clients that do not watch files.
  const index = new FileWorkspaceIndex(workspace, { changesReported: () => false });
  const cache = new RulesetCache(workspace, index, () => DEFAULT_SETTINGS, undefined);
  const spec = pathToUri(path.join(dir, 'spec.yaml'));
  const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e);
  const [a, b] = await Promise.all([failure(cache.forDocument(spec)), failure(cache.forDocument(spec))]);
  assert.match(String(a), /noSuchFunction/);
  assert.equal(b, a, 'one load, one failure, shared');
  assert.deepEqual(await cache.styleConfig(spec), {}, 'no style configuration from a broken ruleset');

  await fs.writeFile(file, 'rules:\n  specgate-property-casing: off\n');
  const fixed = await cache.forDocument(spec);
  assert.equal(fixed.file, pathToUri(file));
  assert.equal(await cache.forDocument(spec), fixed, 'loaded once for this text');
  assert.deepEqual(await cache.styleConfig(spec), { 'specgate-property-casing': 'off' });
  index.dispose();
});
