import assert from 'node:assert/strict';
import * as YAML from 'yaml';
import type { ParsedDocument } from '../../server/src/engine/document/parsedDocument';

/** Asserts two parses of the same text are equal: value (with key order), problems, and every node's range. */
export function assertSameParse(actual: ParsedDocument, expected: ParsedDocument, context = ''): void {
  assert.equal(actual.text, expected.text, `${context}: texts differ`);
  assert.deepEqual(actual.problems, expected.problems, `${context}: problems`);
  assert.equal(JSON.stringify(actual.value), JSON.stringify(expected.value), `${context}: values (or key order) differ`);
  assert.deepEqual(actual.value, expected.value, `${context}: values`);
  assert.equal(actual.format, expected.format, `${context}: format`);
  // Line starts (an edit's version may take them from the previous version: document/lineOffsets.ts).
  const lineStarts = (doc: ParsedDocument) => (doc.textDocument as unknown as { getLineOffsets(): number[] }).getLineOffsets();
  assert.deepEqual(lineStarts(actual), lineStarts(expected), `${context}: line starts`);
  assert.equal(actual.ast === undefined, expected.ast === undefined, `${context}: one has no AST`);
  if (actual.ast && expected.ast) {
    assert.deepEqual(actual.ast.range, expected.ast.range, `${context}: document range`);
    sameNode(actual.ast.contents, expected.ast.contents, `${context} @`);
  }
}

function sameNode(a: unknown, b: unknown, at: string): void {
  if (YAML.isPair(a) || YAML.isPair(b)) {
    assert.ok(YAML.isPair(a) && YAML.isPair(b), `${at}: pair vs node`);
    sameNode(a.key, b.key, `${at} key`);
    sameNode(a.value, b.value, `${at}/${YAML.isScalar(b.key) ? String(b.key.value) : '?'}`);
    return;
  }
  if (a === null || a === undefined || b === null || b === undefined) {
    assert.equal(a ?? null, b ?? null, `${at}: missing node`);
    return;
  }
  const na = a as YAML.Node;
  const nb = b as YAML.Node;
  assert.equal(na.constructor, nb.constructor, `${at}: node kinds`);
  assert.deepEqual(na.range, nb.range, `${at}: range`);
  if (YAML.isScalar(na)) assert.equal(na.value, (nb as YAML.Scalar).value, `${at}: scalar`);
  if (YAML.isCollection(na)) {
    const ib = (nb as YAML.YAMLMap | YAML.YAMLSeq).items;
    assert.equal(na.items.length, ib.length, `${at}: item count`);
    na.items.forEach((item, i) => sameNode(item, ib[i], `${at}[${i}]`));
  }
}
