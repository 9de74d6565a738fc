import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, provenanceOf } from '../../server/src/engine/document/parsedDocument';
import { reparseDocument } from '../../server/src/engine/document/incrementalParse';
import { assertSameParse } from '../helpers/sameParse';
import { PETS_SPEC, replaceOnce } from '../helpers/petsSpec';

const URI = 'file:///spec.yaml';

/** Applies `edit` to the text, re-parses incrementally from a fresh parse, and checks against a full parse. */
function check(before: string, after: string, expectSpliced: boolean | undefined, name: string) {
  const previous = parseDocument(URI, before, 1);
  const fresh = parseDocument(URI, after, 2);
  const incremental = reparseDocument(previous, URI, after, 2);
  assertSameParse(incremental, fresh, name);
  if (expectSpliced !== undefined) assert.equal(provenanceOf(incremental)?.spliced === true, expectSpliced, `${name}: spliced?`);
  // The previous version is left as it was: still equal to a full parse of its own text.
  assertSameParse(previous, parseDocument(URI, before, 1), `${name}: previous version unchanged`);
  return incremental;
}

test('typing inside one path re-parses that path only and equals a full parse', () => {
  check(PETS_SPEC, replaceOnce(PETS_SPEC, 'operationId: getPet', 'operationId: getPetX'), true, 'type in path');
  check(PETS_SPEC, replaceOnce(PETS_SPEC, 'Returns a pet.', 'Returns a pet, or none.'), true, 'type in block scalar');
  check(PETS_SPEC, replaceOnce(PETS_SPEC, '      type: object\n', '      type: object\n      required: [id]\n'), true, 'insert line in schema');
});

test('edits at section boundaries', () => {
  // A new path inserted at the start of the next path's line.
  check(PETS_SPEC, replaceOnce(PETS_SPEC, '  /pets/{id}:\n', '  /new:\n    get: {}\n  /pets/{id}:\n'), true, 'new sibling at boundary');
  // Indented text at a boundary belongs to the previous section.
  check(PETS_SPEC, replaceOnce(PETS_SPEC, '  /pets/{id}:\n', '      x-extra: 1\n  /pets/{id}:\n'), undefined, 'indented insert at boundary');
  // Deleting the line break before a key joins two sections (an error): full parse.
  check(PETS_SPEC, replaceOnce(PETS_SPEC, 'ok\n  /pets/{id}:', 'ok  /pets/{id}:'), false, 'join lines');
  // A new top-level key, at the end and in the middle.
  check(PETS_SPEC, PETS_SPEC + 'x-new: 1\n', undefined, 'append top-level key');
  check(PETS_SPEC, replaceOnce(PETS_SPEC, 'components:\n', 'x-mid: true\ncomponents:\n'), undefined, 'insert top-level key');
  // Dedenting a path to the top level.
  check(PETS_SPEC, replaceOnce(PETS_SPEC, '  /owners:\n', '/owners:\n'), false, 'dedent to top level');
  // Indenting a top-level key makes it a member of the section before.
  check(PETS_SPEC, replaceOnce(PETS_SPEC, 'components:\n', '  components:\n'), undefined, 'indent top-level key');
  // Deleting a whole path, the first and the last.
  check(PETS_SPEC, replaceOnce(PETS_SPEC, '  /owners:\n    get:\n      responses:\n        default:\n          description: error\n', ''), undefined, 'delete last path');
  check(PETS_SPEC, replaceOnce(PETS_SPEC, "  /pets:\n    get:\n      operationId: listPets\n      responses:\n        '200':\n          description: ok\n", ''), undefined, 'delete first path');
  // Editing the last schema and the trailing comment.
  check(PETS_SPEC, replaceOnce(PETS_SPEC, '      type: string\n', '      type: string\n      format: uuid\n'), true, 'grow last entry');
  check(PETS_SPEC, replaceOnce(PETS_SPEC, '# trailing comment', '# trailing'), undefined, 'trailing comment');
  check(PETS_SPEC, replaceOnce(PETS_SPEC, 'openapi: 3.0.3', 'openapi: 3.1.0'), undefined, 'first key');
  check(PETS_SPEC, replaceOnce(PETS_SPEC, 'Owner:', 'Pet:'), false, 'duplicate key');
});

test('broken states and back, anchors, BOM, JSON, flow style', () => {
  const broken = replaceOnce(PETS_SPEC, 'operationId: getPet', 'operationId: "getPet');
  const b = check(PETS_SPEC, broken, false, 'unterminated quote');
  assert.ok(b.problems.length > 0);
  check(broken, PETS_SPEC, false, 'fixed again');
  const anchored = replaceOnce(PETS_SPEC, '    Pet:\n', '    Pet: &pet\n').replace('    Owner:\n      type: string', '    Owner: *pet');
  check(anchored, replaceOnce(anchored, 'type: object', 'type: string'), false, 'anchor');
  check(PETS_SPEC, replaceOnce(PETS_SPEC, 'type: object', 'type: &t object'), false, 'new anchor');
  const bom = '\uFEFF' + PETS_SPEC;
  check(bom, replaceOnce(bom, 'openapi: 3.0.3', 'openapi: 3.0.2'), undefined, 'BOM first key');
  check(bom, replaceOnce(bom, 'getPet', 'getPets'), true, 'BOM elsewhere');
  const json = JSON.stringify(parseDocument(URI, PETS_SPEC).value, null, 2);
  const prev = parseDocument('file:///spec.json', json, 1);
  const next = reparseDocument(prev, 'file:///spec.json', json.replace('getPet', 'getPetX'), 2);
  assertSameParse(next, parseDocument('file:///spec.json', json.replace('getPet', 'getPetX'), 2), 'json');
  assert.notEqual(provenanceOf(next)?.spliced, true);
  const flow = replaceOnce(PETS_SPEC, "'200': {description: ok}", "'200': {description: okay}");
  check(PETS_SPEC, flow, true, 'flow map inside a section');
  check(PETS_SPEC, replaceOnce(PETS_SPEC, '      type: string\n', '\t  type: string\n'), false, 'tab');
  check(PETS_SPEC, PETS_SPEC + '---\nb: 1\n', false, 'second document');
});

test('a chain of edits keeps equal to full parses, and a version can be spliced from twice', () => {
  let previous = parseDocument(URI, PETS_SPEC, 1);
  let text = PETS_SPEC;
  for (let i = 0; i < 20; i++) {
    text = text.replace('listPets', `listPets${i}`).replace('type: string', `type: string${i % 3 === 0 ? '' : ''}`);
    const next = reparseDocument(previous, URI, text, i + 2);
    assertSameParse(next, parseDocument(URI, text, i + 2), `step ${i}`);
    previous = next;
  }
  const base = parseDocument(URI, PETS_SPEC, 1);
  reparseDocument(base, URI, replaceOnce(PETS_SPEC, 'getPet', 'getPet2'), 2);
  const again = reparseDocument(base, URI, replaceOnce(PETS_SPEC, 'getPet', 'getPet3'), 3);
  assert.equal(provenanceOf(again)?.spliced, true);
  assertSameParse(base, parseDocument(URI, PETS_SPEC, 1), 'base unchanged');
  assertSameParse(again, parseDocument(URI, replaceOnce(PETS_SPEC, 'getPet', 'getPet3'), 3), 'reuse');
});

test('entries after the edit are copied when first read, and moves add up across versions read later', () => {
  const v1 = parseDocument(URI, PETS_SPEC, 1);
  // Three edits in a row, none of the new trees read in between: later entries stay pending copies.
  const t2 = replaceOnce(PETS_SPEC, 'operationId: listPets', 'operationId: listAllPets');
  const v2 = reparseDocument(v1, URI, t2, 2);
  const t3 = replaceOnce(t2, 'operationId: listAllPets', 'operationId: list');
  const v3 = reparseDocument(v2, URI, t3, 3);
  const t4 = replaceOnce(t3, 'title: Pets', 'title: Pet store\n  description: all of them');
  const v4 = reparseDocument(v3, URI, t4, 4);
  for (const doc of [v2, v3, v4]) assert.equal(provenanceOf(doc)?.spliced, true);
  // Read newest first: a pending copy of v3's entries must not depend on v3 having been read.
  assertSameParse(v4, parseDocument(URI, t4, 4), 'v4');
  assertSameParse(v3, parseDocument(URI, t3, 3), 'v3');
  assertSameParse(v2, parseDocument(URI, t2, 2), 'v2');
  assertSameParse(v1, parseDocument(URI, PETS_SPEC, 1), 'v1 unchanged');
  // A moved entry is copied once: the same node on every read, not the previous version's.
  const owners = (doc: typeof v2) => doc.nodeAt('/paths/~1owners')?.value;
  assert.equal(owners(v2), owners(v2));
  assert.notEqual(owners(v2), owners(v1));
  // An entry before the edit is shared with the previous version.
  assert.equal(v3.nodeAt('/info')?.value, v2.nodeAt('/info')?.value);
});

test('an edit\'s version takes its line starts from the previous version, and they equal a scan of its text', () => {
  const lineStarts = (doc: ReturnType<typeof parseDocument>) => (doc.textDocument as unknown as { getLineOffsets(): number[] }).getLineOffsets();
  const v1 = parseDocument(URI, PETS_SPEC, 1);
  lineStarts(v1);
  // Lines added, lines removed, a line break typed and deleted, each from the version before.
  const edits: Array<[string, string]> = [
    ['operationId: getPet', 'operationId: getPet\n      summary: one\n      deprecated: true'],
    ['Returns a pet.', 'Returns\n        a pet.'],
    ['      summary: one\n', ''],
    ['Returns\n        a pet.', 'Returns a pet.'],
  ];
  let previous = v1;
  for (const [find, by] of edits) {
    const doc = reparseDocument(previous, URI, replaceOnce(previous.text, find, by), previous.version + 1);
    assert.equal(provenanceOf(doc)?.spliced, true, find);
    assert.ok(Array.isArray((doc.textDocument as unknown as { _lineOffsets?: number[] })._lineOffsets), 'seeded before any position was asked');
    assert.deepEqual(lineStarts(doc), lineStarts(parseDocument(URI, doc.text, 0)), find);
    previous = doc;
  }
  // A text with \r\n line ends scans its own.
  const crlf = parseDocument(URI, PETS_SPEC.replace(/\n/g, '\r\n'), 1);
  lineStarts(crlf);
  const next = reparseDocument(crlf, URI, replaceOnce(crlf.text, 'operationId: getPet', 'operationId: getPets'), 2);
  assert.equal((next.textDocument as unknown as { _lineOffsets?: number[] })._lineOffsets, undefined);
  assert.deepEqual(lineStarts(next), lineStarts(parseDocument(URI, next.text, 0)));
});

test('the nesting limit: an edit inside one section is measured on that section, and refuses exactly as a full parse', () => {
  // Limit 7: the schema's properties sit at depth 6 (components, schemas, Pet, properties, name, type).
  const limits = { maxDepth: 7, maxAliasCount: 10_000 };
  const before = 'openapi: 3.0.3\ninfo:\n  title: T\n  version: "1"\npaths: {}\ncomponents:\n  schemas:\n    Pet:\n      properties:\n        name:\n          type: string\n    Owner:\n      type: object\nx-after:\n  a:\n    b: 1\n';
  const cases: Array<[string, string, boolean]> = [
    // One level deeper: 7, at the limit.
    ['one level deeper', replaceOnce(before, '          type: string\n', '          type: string\n          items:\n            x: 1\n'), false],
    // Two levels deeper: 8, past it.
    ['two levels deeper', replaceOnce(before, '          type: string\n', '          type: string\n          items:\n            x:\n              y: 1\n'), true],
    // A flow collection opening deeper than the limit, and one closing later in the section.
    ['deep flow', replaceOnce(before, '          type: string\n', '          enum: [[[1]]]\n'), true],
    ['flow over lines', replaceOnce(before, '          type: string\n', '          enum: [1,\n            2]\n'), false],
    ['dash markers count', replaceOnce(before, '          type: string\n', '          x:\n          - - - 1\n'), true],
    // Sections after the edit are as deep as before.
    ['sibling section', replaceOnce(before, '      type: object\n', '      type: object\n      x: 1\n'), false],
  ];
  for (const [name, after, deep] of cases) {
    const previous = parseDocument(URI, before, 1, limits);
    assert.equal(previous.problems.length, 0, 'the version before passes');
    const fresh = parseDocument(URI, after, 2, limits);
    assert.equal(fresh.problems.some((p) => p.code === 'specgate-nesting-limit'), deep, `${name}: full parse`);
    const incremental = reparseDocument(previous, URI, after, 2, limits);
    assertSameParse(incremental, fresh, name);
    if (deep) assert.notEqual(provenanceOf(incremental)?.spliced, true, `${name}: refused, not spliced`);
  }
});
