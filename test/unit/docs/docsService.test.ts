import { test } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLanguageService } from '../../../server/src/engine/languageService';
import { mergeSettings } from '../../../server/src/engine/settings';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace';
import { pathToUri } from '../../../server/src/engine/uri';
import { git, initRepo } from '../../helpers/git';
import { fixtureText } from './docsFixtures';

test('an operationId from the git baseline is flagged in a guide even when far from every current id', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-docs-git-'));
  try {
    initRepo(dir);
    await fs.mkdir(path.join(dir, 'orders'));
    await fs.mkdir(path.join(dir, 'docs'));
    const spec = fixtureText('orders/openapi.yaml');
    await fs.writeFile(path.join(dir, 'orders/openapi.yaml'), spec.replace('operationId: cancelOrder', 'operationId: voidPurchase'));
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'spec');
    await fs.writeFile(path.join(dir, 'orders/openapi.yaml'), spec);
    const guide = 'Call `voidPurchase` to cancel; `cancelOrder` is current; `pageSize` is a code word.\n';
    await fs.writeFile(path.join(dir, 'docs/guide.md'), guide);
    const service = createLanguageService({ workspace: new NodeWorkspace([pathToUri(dir)], { trusted: true }) });
    const diagnostics = await service.docs.diagnostics(pathToUri(path.join(dir, 'docs/guide.md')), guide);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.character, String(d.message).includes('was an operationId in the baseline')]), [
      ['specgate-docs-unknown-operation-id', 6, true],
    ]);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('which Markdown files are guides follows specgate.docs.include / exclude', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-docs-sel-'));
  try {
    for (const f of ['docs/a.md', 'docs/internal/b.md', 'orders/notes.md', 'guides/c.md', 'CHANGELOG.md', 'README.md']) {
      await fs.mkdir(path.dirname(path.join(dir, f)), { recursive: true });
      await fs.writeFile(path.join(dir, f), '# x\n');
    }
    await fs.writeFile(path.join(dir, 'orders/openapi.yaml'), fixtureText('orders/openapi.yaml'));
    let settings = mergeSettings({});
    const service = createLanguageService({ workspace: new NodeWorkspace([pathToUri(dir)], { trusted: true }), getSettings: () => settings });
    const guides = async () => {
      const out: string[] = [];
      for (const f of ['docs/a.md', 'docs/internal/b.md', 'orders/notes.md', 'guides/c.md', 'CHANGELOG.md', 'README.md']) if (await service.docs.isGuide(pathToUri(path.join(dir, f)))) out.push(f);
      return out;
    };
    assert.deepEqual(await guides(), ['docs/a.md', 'docs/internal/b.md', 'orders/notes.md', 'README.md']);
    settings = mergeSettings({ docs: { include: ['guides/**/*.md', 'docs/**/*.md'], exclude: ['docs/internal/**'] } });
    assert.deepEqual(await guides(), ['docs/a.md', 'guides/c.md']);
    settings = mergeSettings({ docs: { include: 'not a list', exclude: [3] } });
    assert.deepEqual(await guides(), ['docs/a.md', 'docs/internal/b.md', 'orders/notes.md', 'README.md'], 'bad values fall back to the defaults');
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
