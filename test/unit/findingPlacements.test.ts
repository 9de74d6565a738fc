// An edit's unchanged findings keep their place without a lookup in the new tree; every place must
// still equal a lookup in a full parse of the new text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, type ParsedDocument } from '../../server/src/engine/document/parsedDocument';
import { reparseDocument } from '../../server/src/engine/document/incrementalParse';
import { FindingPlacements } from '../../server/src/engine/languageFeatures/findingPlacements';
import { joinPointer } from '../../server/src/engine/jsonPointer';
import type { FindingTarget } from '../../server/src/engine/style/types';
import { PETS_SPEC, replaceOnce } from '../helpers/petsSpec';

const URI = 'file:///spec.yaml';

type Finding = { pointer: string; target: FindingTarget };

/** A finding on every key and value of the document, plus some on members that do not exist (they land on an ancestor). */
function findingsOn(value: unknown): Finding[] {
  const out: Finding[] = [];
  const walk = (node: unknown, pointer: string) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node)) {
      const at = joinPointer(pointer, key);
      out.push({ pointer: at, target: 'key' }, { pointer: at, target: 'value' });
      walk(child, at);
    }
  };
  walk(value, '');
  out.push({ pointer: '/paths/~1owners/get/summary', target: 'value' }, { pointer: '/components/schemas/Pet/required', target: 'key' });
  return out;
}

/** Places `findings` in `doc` through `placements`, counting the lookups it makes in the tree. */
function place(placements: FindingPlacements, doc: ParsedDocument, findings: Finding[]) {
  const lookup = doc.placeOf.bind(doc);
  let lookups = 0;
  (doc as { placeOf: typeof lookup }).placeOf = (pointer, target) => (lookups++, lookup(pointer, target));
  const at = placements.forVersion(doc);
  const offsets = findings.map((f) => at(f, f.pointer, f.target));
  // Every place equals a lookup in a full parse of the same text.
  const fresh = parseDocument(URI, doc.text, doc.version);
  findings.forEach((f, i) => assert.deepEqual(offsets[i], fresh.placeOf(f.pointer, f.target)?.offsets, `${f.target} of ${f.pointer} in version ${doc.version}`));
  return lookups;
}

test('an edit inside one path looks up only the findings whose place overlaps the re-parsed path', () => {
  const placements = new FindingPlacements();
  const v1 = parseDocument(URI, PETS_SPEC, 1);
  const findings = findingsOn(v1.value);
  assert.equal(place(placements, v1, findings), findings.length, 'first version: every finding is looked up');

  const v2 = reparseDocument(v1, URI, replaceOnce(PETS_SPEC, 'operationId: getPet', 'operationId: getPetById'), 2);
  const lookups = place(placements, v2, findings);
  // The /pets/{id} path item (its key, its members) and the maps around it (paths, the root).
  // and the two findings on missing members (placed on an ancestor).
  const inRegion = findings.filter((f) => f.pointer.startsWith('/paths/~1pets~1{id}') || f.pointer === '/paths' || f.pointer === '').length;
  assert.ok(lookups > 2 && lookups <= inRegion + 2, `${lookups} lookups, ${inRegion} findings in or around the region`);

  // Lines inserted: findings after the region move by the delta, those before stay.
  const v3 = reparseDocument(v2, URI, replaceOnce(v2.text, '      type: object\n', '      type: object\n      required: [id]\n      description: a pet\n'), 3);
  assert.ok(place(placements, v3, findings) < findings.length / 2);

  // Back to the same text: only the finding on a missing member (placed on an ancestor) is looked up.
  const v4 = reparseDocument(v3, URI, v3.text, 4);
  assert.equal(place(placements, v4, findings), 1);
});

test('places are carried only from the version the document was spliced from', () => {
  const placements = new FindingPlacements();
  const v1 = parseDocument(URI, PETS_SPEC, 1);
  const findings = findingsOn(v1.value);
  place(placements, v1, findings);
  // Joining two lines is a syntax error: a full parse, nothing carried to it or from before it.
  const broken = reparseDocument(v1, URI, replaceOnce(PETS_SPEC, 'ok\n  /pets/{id}:', 'ok  /pets/{id}:'), 2);
  assert.ok(broken.problems.length > 0);
  // A version spliced from v1 while the placements last saw another version: every finding is looked up.
  const v2 = reparseDocument(v1, URI, replaceOnce(PETS_SPEC, 'title: Pets', 'title: Pet store'), 3);
  const other = parseDocument(URI, PETS_SPEC, 9);
  place(placements, other, findings);
  assert.equal(place(placements, v2, findings), findings.length);
  // A full parse (no region) carries nothing either.
  const full = parseDocument(URI, v2.text, 4);
  assert.equal(place(placements, full, findings), findings.length);
});
