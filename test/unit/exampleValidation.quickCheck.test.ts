// quickValid may only answer "valid" when ajv (draft 4, Spectral's options, ajv-formats) agrees:
// a differential test over generated schemas and values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { TYPED_KEYWORDS, UNTYPED_KEYWORDS, quickCompileError, quickEligible, quickFirstError, quickInvalid, quickValid } from '../../server/src/engine/spectral/quickCheck';

let seed = Number(process.env.QC_SEED ?? 42);
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];

function value(depth = 0): unknown {
  const kind = pick(['str', 'int', 'num', 'bool', 'null', 'arr', 'obj', 'date', 'email']);
  switch (kind) {
    case 'str': return pick(['', 'a', 'abc', 'ABC', 'x'.repeat(6), '😀😀']);
    case 'int': return pick([0, 1, -3, 7, 100, 2 ** 40]);
    case 'num': return pick([0.5, 1.25, -2.5]);
    case 'bool': return rand() < 0.5;
    case 'null': return null;
    case 'date': return pick(['2024-01-01T00:00:00Z', '2024-13-01', '2024-01-01']);
    case 'email': return pick(['a@b.co', 'nope']);
    case 'arr': return depth > 2 ? [] : Array.from({ length: Math.floor(rand() * 3) }, () => value(depth + 1));
    default: {
      if (depth > 2) return {};
      const o: Record<string, unknown> = {};
      for (const k of ['a', 'b', 'c'].filter(() => rand() < 0.5)) o[k] = value(depth + 1);
      return o;
    }
  }
}

/** How often `oneOf` and `not` appear (both need `quickInvalid`'s certain "no"). */
let combinatorRate = 0.05;

function schema(depth = 0): Record<string, unknown> {
  const s: Record<string, unknown> = {};
  if (rand() < 0.7) s.type = pick(['string', 'integer', 'number', 'boolean', 'object', 'array', 'null', ['string', 'integer']]);
  if (rand() < 0.2) s.nullable = rand() < 0.8;
  if (rand() < 0.15) s.enum = pick([['a', 'abc'], [1, 7], [null, 'a']]);
  if (rand() < 0.15) s.format = pick(['date-time', 'date', 'email', 'uri', 'int32', 'unknown-format', 'binary', 'password', 'double']);
  if (rand() < 0.15) s.minLength = pick([1, 3]);
  if (rand() < 0.1) s.maxLength = pick([1, 3]);
  if (rand() < 0.1) s.pattern = pick(['^[a-z]+$', 'b', '[']);
  if (rand() < 0.1) s.minimum = pick([0, 1]);
  if (rand() < 0.1) { s.maximum = 7; s.exclusiveMaximum = rand() < 0.5; }
  if (rand() < 0.1) s.multipleOf = pick([0.5, 2]);
  if (depth < 2) {
    if (rand() < 0.3) s.properties = { a: schema(depth + 1), b: schema(depth + 1) };
    if (rand() < 0.2) s.required = pick([['a'], ['a', 'c'], []]);
    if (rand() < 0.15) s.additionalProperties = rand() < 0.5 ? false : schema(depth + 1);
    if (rand() < 0.2) s.items = schema(depth + 1);
    if (rand() < 0.1) s.uniqueItems = true;
    if (rand() < 0.1) s.minItems = 1;
    if (rand() < 0.1) s.allOf = [schema(depth + 1)];
    if (rand() < 0.1) s.anyOf = [schema(depth + 1), schema(depth + 1)];
    if (rand() < combinatorRate) s.oneOf = [schema(depth + 1), schema(depth + 1)];
    if (rand() < combinatorRate) s.not = schema(depth + 1);
    if (rand() < 0.05) s.$ref = '#/definitions/x';
  }
  return s;
}

/** Spectral's draft 4 set-up (ajv-draft-04, its options, ajv-formats). */
function draft4Ajv() {
  const ajv = new AjvDraft04({ allErrors: false, meta: true, messages: true, strict: false, allowUnionTypes: true, logger: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv;
}

/** ajv's validator for `s`, or undefined when ajv refuses to compile it. */
function compiled(ajv: ReturnType<typeof draft4Ajv>, s: Record<string, unknown>): ((v: unknown) => boolean) | undefined {
  try {
    return ajv.compile(s);
  } catch {
    return undefined;
  }
}

type Validate = ((v: unknown) => boolean) & { errors?: unknown };

/**
 * `schemas` generated schemas that quickEligible accepts and ajv compiles, five generated values
 * each, with `combinatorRate` set for the generation (and put back after, even on a failure).
 */
function* compiledCases(ajv: ReturnType<typeof draft4Ajv>, schemas: number, rate: number): Generator<{ s: Record<string, unknown>; validate: Validate; v: unknown }> {
  combinatorRate = rate;
  try {
    for (let i = 0; i < schemas; i++) {
      const s = schema();
      const validate: Validate | undefined = quickEligible(s) ? compiled(ajv, s) : undefined;
      if (!validate) continue;
      for (let j = 0; j < 5; j++) yield { s, validate, v: value() };
    }
  } finally {
    combinatorRate = 0.05;
  }
}

test('quickValid never accepts what ajv rejects (or cannot compile)', () => {
  const ajv = draft4Ajv();
  let quickYes = 0;
  for (let i = 0; i < 3000; i++) {
    const s = schema();
    if (!quickEligible(s)) continue;
    const validate = compiled(ajv, s);
    for (let j = 0; j < 5; j++) {
      const v = value();
      if (!quickValid(s, v)) continue;
      quickYes++;
      assert.ok(validate, `ajv cannot compile a schema quickValid accepted: ${JSON.stringify(s)}`);
      assert.equal(validate(v), true, `ajv rejects ${JSON.stringify(v)} for ${JSON.stringify(s)}`);
    }
  }
  assert.ok(quickYes > 500, `enough accepted cases exercised (${quickYes})`);
});

test('quickInvalid never rejects what ajv accepts; oneOf and not decided by it agree with ajv', () => {
  const ajv = draft4Ajv();
  seed = Number(process.env.QC_SEED ?? 7);
  let certainNo = 0;
  let combinatorYes = 0;
  for (const { s, validate, v } of compiledCases(ajv, 4000, 0.4)) {
    if (quickInvalid(s, v)) {
      certainNo++;
      assert.equal(validate(v), false, `ajv accepts ${JSON.stringify(v)} for ${JSON.stringify(s)}`);
    }
    if (quickValid(s, v)) {
      if (s.oneOf !== undefined || s.not !== undefined) combinatorYes++;
      assert.equal(validate(v), true, `ajv rejects ${JSON.stringify(v)} for ${JSON.stringify(s)}`);
    }
  }
  // Not vacuous: many certain "no"s, and oneOf/not schemas answered "valid" without ajv.
  assert.ok(certainNo > 1000, `${certainNo} certain rejections`);
  assert.ok(combinatorYes > 50, `${combinatorYes} oneOf/not schemas answered valid`);
});

test('hand-written: oneOf branches told apart by type, required and enum; not', () => {
  const ajv = draft4Ajv();
  const cases: Array<[Record<string, unknown>, unknown, boolean]> = [
    [{ oneOf: [{ type: 'string' }, { type: 'number' }] }, '0', true],
    [{ oneOf: [{ type: 'integer' }, { type: 'number' }] }, 3, false], // both match: ajv rejects, quick must not accept
    [{ oneOf: [{ type: 'object', required: ['login'] }, { type: 'object', required: ['slug'] }] }, { login: 'x' }, true],
    [{ oneOf: [{ type: 'string', enum: ['a'] }, { type: 'string', enum: ['b'] }] }, 'b', true],
    [{ oneOf: [{ type: 'string', nullable: true }, { type: 'integer' }] }, null, true],
    [{ oneOf: [{ type: 'string', format: 'email' }, { type: 'string' }] }, 'nope', false], // format failure is not a certain no
    [{ type: 'object', properties: { kind: { not: { type: 'null' } } } }, { kind: 'x' }, true],
    [{ not: { type: 'string' } }, 'x', false],
  ];
  for (const [s, v, quickAccepts] of cases) {
    assert.ok(quickEligible(s), JSON.stringify(s));
    const accepted = quickValid(s, v);
    assert.equal(accepted, quickAccepts, `quickValid ${JSON.stringify(v)} for ${JSON.stringify(s)}`);
    if (accepted) assert.equal(ajv.compile(s)(v), true);
  }
});

test('quickFirstError gives exactly the error ajv reports (or its "valid"), whenever it answers', () => {
  const ajv = draft4Ajv();
  seed = Number(process.env.QC_SEED ?? 11);
  let answered = 0;
  let nested = 0;
  let validAnswers = 0;
  let leftToAjv = 0;
  const keywords = new Set<string>();
  for (const { s, validate, v } of compiledCases(ajv, 6000, 0.1)) {
    const modelled = quickFirstError(s, v);
    const valid: boolean = validate(v);
    if (modelled === undefined) {
      if (!valid) leftToAjv++;
      continue;
    }
    answered++;
    if (modelled === 'valid') {
      validAnswers++;
      assert.equal(valid, true, `ajv rejects ${JSON.stringify(v)} for ${JSON.stringify(s)}: ${JSON.stringify(validate.errors)}`);
      continue;
    }
    assert.equal(valid, false, `ajv accepts ${JSON.stringify(v)} for ${JSON.stringify(s)}`);
    assert.deepEqual(validate.errors, [modelled], `errors for ${JSON.stringify(v)} against ${JSON.stringify(s)}`);
    keywords.add(modelled.keyword);
    if (modelled.instancePath !== '') nested++;
  }
  // Not vacuous: many answers of each kind, nested ones, and cases it leaves to ajv.
  assert.ok(answered > 5000, `${answered} answered`);
  assert.ok(validAnswers > 1000, `${validAnswers} valid`);
  assert.ok(nested > 80, `${nested} nested errors`);
  for (const k of ['type', 'enum', 'required', 'format', 'pattern', 'maxLength', 'maximum', 'multipleOf']) assert.ok(keywords.has(k), `${k} errors modelled: ${[...keywords]}`);
  assert.ok(leftToAjv > 50, `${leftToAjv} errors left to ajv`);
});

test('hand-written: the error ajv reports first, nested, in its keyword order', () => {
  const ajv = draft4Ajv();
  const cases: Array<[Record<string, unknown>, unknown, boolean]> = [
    [{ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, 'x', true],
    [{ type: ['object', 'null'] }, 5, true],
    [{ type: 'string', nullable: true, minLength: 2 }, 5, true],
    // A number keyword on a number value runs before the string type's own check.
    [{ type: 'string', minLength: 2, minimum: 9 }, 5, true],
    // Keywords for any type run first.
    [{ type: 'string', enum: ['a'] }, 5, true],
    [{ type: 'string', allOf: [{ minimum: 9 }] }, 5, true],
    [{ type: 'integer', nullable: true }, null, true],
    [{ type: 'number' }, 3, true],
    // required before properties; additionalProperties before properties; the value's key order.
    [{ type: 'object', required: ['b'], properties: { a: { type: 'string' } } }, { a: 1 }, true],
    [{ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } } }, { a: 1, z: 2, y: 3 }, true],
    [{ type: 'object', properties: { 'a/b~c': { type: 'object', properties: { 'x y': { format: 'date-time' } } } } }, { 'a/b~c': { 'x y': 'nope' } }, true],
    [{ type: 'array', items: { type: 'object', required: ['id'] } }, [{ id: 1 }, {}, {}], true],
    [{ type: 'object', patternProperties: { '^x-': { type: 'integer' } }, additionalProperties: { type: 'string' } }, { 'x-a': 1, b: 2 }, true],
    [{ type: 'number', maximum: 7, exclusiveMaximum: true, multipleOf: 2 }, 7, true],
    [{ not: { type: 'string' } }, 'a', true],
    // Formats ajv-formats accepts anything for, and number formats on numbers.
    [{ type: 'string', format: 'binary' }, 'raw bytes', true],
    [{ type: 'string', format: 'password' }, '', true],
    [{ type: 'integer', format: 'int32' }, 2 ** 40, true],
    [{ anyOf: [{ type: 'string' }, { type: 'integer' }], minLength: 3 }, 'a', true],
    // Left to ajv: composites that fail, duplicate items, tuples, dependencies that apply.
    [{ anyOf: [{ type: 'string' }, { type: 'integer' }] }, true, false],
    [{ oneOf: [{ type: 'string' }, { type: 'string', minLength: 1 }] }, 'a', false],
    [{ type: 'array', uniqueItems: true }, [1, 1], false],
    [{ type: 'array', items: [{ type: 'string' }] }, [1], false],
    [{ type: 'object', dependencies: { a: ['b'] } }, { a: 1 }, false],
  ];
  for (const [s, v, answers] of cases) {
    assert.ok(quickEligible(s), JSON.stringify(s));
    const modelled = quickFirstError(s, v);
    assert.equal(modelled !== undefined, answers, `${JSON.stringify(s)} with ${JSON.stringify(v)}`);
    const validate = ajv.compile(s);
    const valid = validate(v);
    if (modelled === 'valid') assert.equal(valid, true);
    else if (modelled) {
      assert.equal(valid, false, JSON.stringify(s));
      assert.deepEqual(validate.errors, [modelled]);
    }
  }
});

test('quickCompileError names exactly what ajv throws compiling the schema, whenever it answers', () => {
  const ajv = draft4Ajv();
  seed = Number(process.env.QC_SEED ?? 23);
  let answered = 0;
  let refusedOtherwise = 0;
  for (let i = 0; i < 6000; i++) {
    const s = schema();
    // `prepare` asks only for schemas that pass the draft 4 meta-schema, as ajv checks before compiling.
    if (ajv.validateSchema(s) !== true) continue;
    const modelled = quickCompileError(s);
    let thrown: string | undefined;
    try {
      ajv.compile(s);
    } catch (e) {
      thrown = (e as Error).message;
    }
    if (modelled === undefined) {
      if (thrown !== undefined) refusedOtherwise++;
      continue;
    }
    answered++;
    assert.equal(thrown, modelled, JSON.stringify(s));
  }
  assert.ok(answered > 200, `${answered} answered`);
  assert.ok(refusedOtherwise > 20, `${refusedOtherwise} compile errors left to ajv`);
  // Eligible schemas themselves have no compile error to model.
  assert.equal(quickCompileError({ type: 'string', nullable: true }), undefined);
  assert.equal(quickCompileError({ properties: { a: { nullable: true, allOf: [{ type: 'string' }] } } }), '"nullable" cannot be used without "type"');
  assert.equal(quickCompileError({ properties: { a: { nullable: true } }, pattern: '[' }), undefined, 'another compile error may come first');
});

test('the keyword groups and their order quickFirstError follows are ajv-draft-04\'s', () => {
  const ajv = draft4Ajv() as unknown as { RULES: { rules: Array<{ type?: string; rules: Array<{ keyword: string }> }> } };
  for (const group of ajv.RULES.rules) {
    const keywords = group.rules.map((r) => r.keyword);
    if (group.type) assert.deepEqual(TYPED_KEYWORDS[group.type as keyof typeof TYPED_KEYWORDS], keywords, group.type);
    else assert.deepEqual(UNTYPED_KEYWORDS, keywords.filter((k) => !['$comment', 'type', 'nullable'].includes(k)), 'any type');
  }
});
