import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { git, initRepo } from '../helpers/git';
import { ORDERS_WITH_STATUS_ENUM } from '../helpers/fixtures';
import { pathToUri } from '../../server/src/engine/uri';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace';
import { createLanguageService, type LanguageService } from '../../server/src/engine/languageService';
import { CancelledError } from '../../server/src/engine/references/cancellation';

const V1 = ORDERS_WITH_STATUS_ENUM;
const V2 = V1.replace('enum: [open, closed]', 'enum: [open]');
const CATALOG = [
  'apiVersion: backstage.io/v1alpha1',
  'kind: API',
  'metadata: {name: orders}',
  'spec: {type: openapi, lifecycle: production, owner: team-orders, definition: {$text: ./orders.yaml}}',
  '---',
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata: {name: checkout}',
  'spec: {type: service, lifecycle: production, owner: team-checkout, consumesApis: [orders]}',
].join('\n') + '\n';

let dir: string;
let service: LanguageService;
const text = (h: { contents: unknown } | undefined) => (h?.contents as MarkupContent | undefined)?.value ?? '';

before(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'specgate-hover-'));
  initRepo(dir);
  await fs.writeFile(path.join(dir, 'orders.yaml'), V1);
  await fs.writeFile(path.join(dir, 'catalog-info.yaml'), CATALOG);
  git(dir, 'add', '.');
  git(dir, 'commit', '-qm', 'v1');
  service = createLanguageService({ workspace: new NodeWorkspace([pathToUri(dir)], { trusted: false }) });
});

after(async () => {
  service.dispose();
  await fs.rm(dir, { recursive: true, force: true });
});

test('hover on info.version gives the bump the working copy needs; an unchanged spec gives none', async () => {
  const uri = pathToUri(path.join(dir, 'orders.yaml'));
  const unchanged = service.getDocument(uri, V1, 1);
  const none = text(await service.getHover(unchanged, { line: 1, character: 33 }));
  assert.doesNotMatch(none, /major/);
  const changed = service.getDocument(uri, V2, 2);
  assert.match(text(await service.getHover(changed, { line: 1, character: 33 })), /major/);
});

test('hover on a breaking change names the consuming team from the catalog and the change id', async () => {
  const uri = pathToUri(path.join(dir, 'orders.yaml'));
  const doc = service.getDocument(uri, V2, 3);
  const hover = text(await service.getHover(doc, { line: 6, character: 60 }));
  assert.match(hover, /request-parameter-enum-value-removed/);
  assert.match(hover, /checkout/);
  assert.equal(await service.getHover(doc, { line: 0, character: 2 }), undefined, 'no change under the cursor: no hover');
});

test('a cancelled hover stops with CancelledError instead of answering', async () => {
  const uri = pathToUri(path.join(dir, 'orders.yaml'));
  const doc = service.getDocument(uri, V2, 4);
  await assert.rejects(service.getHover(doc, { line: 6, character: 60 }, { isCancellationRequested: true }), CancelledError);
});
