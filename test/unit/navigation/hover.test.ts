import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/src/engine/document/parsedDocument';
import { navigationHover, previewOf } from '../../../server/src/engine/navigation/hover';
import { fixtureFiles, positionOf } from './memoryFiles';

test('previews are cut after the given number of lines with an ellipsis, and dedented', () => {
  const doc = parseDocument('file:///ws/a.yaml', 'openapi: 3.0.0\nx:\n  a:\n    b: 1\n    c: 2\n    d: 3\n');
  assert.equal(previewOf(doc, '/x/a', 2), 'a:\n  b: 1\n…');
  assert.equal(previewOf(doc, '/x/a'), 'a:\n  b: 1\n  c: 2\n  d: 3');
  assert.equal(previewOf(doc, '/x/none'), undefined);
});

test('hover on a mapping value previews the schema; on a value that is no reference, nothing', async () => {
  const files = fixtureFiles();
  const doc = files.doc('petstore.yaml');
  const dog = await navigationHover(doc, positionOf(doc.text, 'dog: Dog', 6), files);
  assert.match((dog?.contents as { value: string }).value, /```yaml\nDog:\n {2}allOf:/);
  assert.equal(await navigationHover(doc, positionOf(doc.text, 'title: Pet store', 8), files), undefined);
  const swagger = files.doc('legacy.swagger.yaml');
  const consumes = await navigationHover(swagger, positionOf(swagger.text, 'securityDefinitions:', 2), files);
  assert.match((consumes?.contents as { value: string }).value, /\*\*securityDefinitions\*\* \(root field\)/);
});
