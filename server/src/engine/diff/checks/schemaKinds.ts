/**
 * The schema changes the comparator finds, with their level in each direction.
 * Narrowing what is accepted breaks requests; widening what is returned breaks
 * responses. Ids are `<location>-<suffix>`, e.g. `request-property-max-length-decreased`.
 */
import { SCHEMA_CHANGE_IDS, type LocatedIds } from '../changeIds';
import { B, N, P, rule } from '../rule';
import type { ChangeLevel, ChangeRule, Direction } from '../types';
import { ID } from '../changeIds';

export type SchemaLocation = 'body' | 'property' | 'parameter' | 'header';

export interface SchemaKind {
  kind: string;
  title: string;
  request: ChangeLevel;
  response: ChangeLevel;
  /** Only bodies and properties: keywords that make no sense on parameters and headers. */
  structural?: boolean;
  /** Consumer-side reasoning for the doc page (see rule()). */
  rationale?: string;
}

const k = (kind: string, title: string, request: ChangeLevel, response: ChangeLevel, extra: Partial<SchemaKind> = {}): SchemaKind => ({
  kind,
  title,
  request,
  response,
  ...extra,
});

/** Numeric bounds: decreased/increased/set/unset, levels follow which way the range moves. */
function bound(name: string, label: string, upper: boolean, structural = false): SchemaKind[] {
  // An upper bound narrows when it decreases or appears; a lower bound when it increases or appears.
  const narrow = upper ? 'decreased' : 'increased';
  const widen = upper ? 'increased' : 'decreased';
  return [
    k(`${name}-${narrow}`, `${label} ${narrow}`, B, N, { structural }),
    k(`${name}-${widen}`, `${label} ${widen}`, N, B, { structural }),
    k(`${name}-set`, `${label} set`, B, N, { structural }),
    k(`${name}-unset`, `${label} removed`, N, B, { structural }),
  ];
}

export const SCHEMA_KINDS: SchemaKind[] = [
  ...bound('max-length', 'maxLength', true),
  k('min-length-increased', 'minLength increased', B, N),
  k('min-length-decreased', 'minLength decreased', N, B),
  ...bound('max', 'maximum', true),
  ...bound('min', 'minimum', false),
  ...bound('exclusive-max', 'exclusiveMaximum', true),
  ...bound('exclusive-min', 'exclusiveMinimum', false),
  ...bound('max-items', 'maxItems', true),
  ...bound('min-items', 'minItems', false),
  ...bound('max-properties', 'maxProperties', true, true),
  k('min-properties-increased', 'minProperties increased', B, N, { structural: true }),
  k('min-properties-decreased', 'minProperties decreased', N, B, { structural: true }),
  k('multiple-of-set', 'multipleOf set', B, N),
  k('multiple-of-unset', 'multipleOf removed', N, B),
  k('multiple-of-changed', 'multipleOf changed to an unrelated value', B, B),
  k('multiple-of-generalized', 'multipleOf changed to a divisor of the old one', N, B),
  k('multiple-of-specialized', 'multipleOf changed to a multiple of the old one', B, N),
  k('unique-items-set', 'uniqueItems set', B, N),
  k('unique-items-unset', 'uniqueItems removed', N, B),
  k('pattern-added', 'pattern added', B, N, {
    rationale:
      "A pattern that matches every string (`''`, `.*`, `^.*$`) constrains nothing, so replacing it with a real pattern is reported as a pattern added, not changed: values clients send today can now be rejected. oasdiff and OpenAPITools/openapi-diff compare the pattern strings and call this a pattern change.",
  }),
  k('pattern-removed', 'pattern removed', N, B),
  k('pattern-changed', 'pattern changed', P, P),
  k('became-enum', 'restricted to a list of enum values', B, N),
  k('enum-value-removed', 'enum value removed', B, N),
  k('enum-value-added', 'enum value added', N, P),
  k('x-extensible-enum-value-added', 'x-extensible-enum value added', N, N, {
    rationale:
      '`x-extensible-enum` (Zalando guideline) declares an open list: clients must already handle values they do not know, so a new value breaks no response reader, unlike a value added to `enum` (potentially breaking in responses). oasdiff likewise reports only removals of x-extensible-enum values.',
  }),
  k('x-extensible-enum-value-removed', 'x-extensible-enum value removed', B, N),
  k('const-added', 'const added', B, N),
  k('const-removed', 'const removed', N, B),
  k('const-changed', 'const changed', B, B),
  k('default-value-added', 'default value added', N, N),
  k('default-value-removed', 'default value removed', N, N),
  k('default-value-changed', 'default value changed', P, N, {
    rationale:
      'Clients that omit an optional request value silently get the new default, so their requests now mean something else: potentially breaking. Path parameters are always sent, so their defaults never apply and a change is not reported. In responses a default is documentation only (non-breaking). oasdiff reports request default changes as info, OpenAPITools/openapi-diff ignores them.',
  }),
  k('type-changed', 'type or format changed', B, B),
  k('type-generalized', 'type or format widened', N, B),
  k('type-specialized', 'type or format narrowed', B, N),
  k('list-of-types-widened', 'list of types widened', N, B),
  k('list-of-types-narrowed', 'list of types narrowed', B, N),
  k('became-nullable', 'became nullable', N, B),
  k('became-not-nullable', 'became not nullable', B, N),
  k('additional-properties-narrowed', 'additionalProperties restricted', B, N, { structural: true }),
  k('additional-properties-widened', 'additionalProperties allowed or widened', N, P, { structural: true }),
  k('one-of-added', 'schema added to oneOf', N, B, { structural: true }),
  k('one-of-removed', 'schema removed from oneOf', B, N, { structural: true }),
  k('any-of-added', 'schema added to anyOf', N, B, { structural: true }),
  k('any-of-removed', 'schema removed from anyOf', B, N, { structural: true }),
  k('one-of-list-added', 'oneOf list added next to the existing constraints (values must also match exactly one alternative)', B, N, { structural: true, rationale: "A oneOf/anyOf list that appears next to a schema's existing properties or type is an intersection: every value must now also match the alternatives, so it narrows what a request accepts (breaking) and what a response can return (non-breaking); dropping it widens both. An object replaced by alternatives is the separate wrapped-in-one-of/any-of restructuring. oasdiff only compares lists present on both sides and reports nothing when one side has none." }),
  k('one-of-list-removed', 'oneOf list removed, leaving the other constraints', N, B, { structural: true, rationale: "A oneOf/anyOf list that appears next to a schema's existing properties or type is an intersection: every value must now also match the alternatives, so it narrows what a request accepts (breaking) and what a response can return (non-breaking); dropping it widens both. An object replaced by alternatives is the separate wrapped-in-one-of/any-of restructuring. oasdiff only compares lists present on both sides and reports nothing when one side has none." }),
  k('any-of-list-added', 'anyOf list added next to the existing constraints (values must also match an alternative)', B, N, { structural: true, rationale: "A oneOf/anyOf list that appears next to a schema's existing properties or type is an intersection: every value must now also match the alternatives, so it narrows what a request accepts (breaking) and what a response can return (non-breaking); dropping it widens both. An object replaced by alternatives is the separate wrapped-in-one-of/any-of restructuring. oasdiff only compares lists present on both sides and reports nothing when one side has none." }),
  k('any-of-list-removed', 'anyOf list removed, leaving the other constraints', N, B, { structural: true, rationale: "A oneOf/anyOf list that appears next to a schema's existing properties or type is an intersection: every value must now also match the alternatives, so it narrows what a request accepts (breaking) and what a response can return (non-breaking); dropping it widens both. An object replaced by alternatives is the separate wrapped-in-one-of/any-of restructuring. oasdiff only compares lists present on both sides and reports nothing when one side has none." }),
  k('all-of-added', 'schema added to allOf, constraining something the schema did not constrain identically before', B, N, { structural: true, rationale: "allOf is flattened recursively and every declaration of a property across members applies (the strictest bound is effective), so a tighter limit re-declared in a member is reported as that limit's change. A member added or removed is reported only when something it constrains is not constrained identically on the other side: inlining a chain of allOf, wrapping a $ref in a one-element allOf next to a default, or a member that only carries annotations (xml, description, x-*) changes nothing for clients. oasdiff and OpenAPITools/openapi-diff compare allOf members as a list and report such restructurings." }),
  k('all-of-removed', 'schema removed from allOf, taking away a constraint nothing else keeps', N, B, { structural: true, rationale: "allOf is flattened recursively and every declaration of a property across members applies (the strictest bound is effective), so a tighter limit re-declared in a member is reported as that limit's change. A member added or removed is reported only when something it constrains is not constrained identically on the other side: inlining a chain of allOf, wrapping a $ref in a one-element allOf next to a default, or a member that only carries annotations (xml, description, x-*) changes nothing for clients. oasdiff and OpenAPITools/openapi-diff compare allOf members as a list and report such restructurings." }),
  // JSON Schema 2020-12 keywords (OpenAPI 3.1), levels as oasdiff reports them: a keyword that adds a constraint
  // narrows what is accepted (breaks requests when added, responses when removed).
  ...[
    ['contains', 'contains'],
    ['if', 'if'],
    ['then', 'then'],
    ['else', 'else'],
    ['property-names', 'propertyNames'],
    ['unevaluated-items', 'unevaluatedItems'],
    ['unevaluated-properties', 'unevaluatedProperties'],
    ['content-schema', 'contentSchema'],
    ['dependent-required', 'a dependentRequired entry'],
    ['dependent-schema', 'a dependentSchemas entry'],
    ['pattern-property', 'a patternProperties entry'],
  ].flatMap(([name, label]) => [
    k(`${name}-added`, `${label} added`, B, N, { structural: true }),
    k(`${name}-removed`, `${label} removed`, N, B, { structural: true }),
  ]),
  k('dependent-required-changed', 'dependentRequired entry changed', B, B, { structural: true }),
  k('min-contains-increased', 'minContains increased', B, N, { structural: true }),
  k('min-contains-decreased', 'minContains decreased', N, B, { structural: true }),
  k('max-contains-increased', 'maxContains increased', N, B, { structural: true }),
  k('max-contains-decreased', 'maxContains decreased', B, N, { structural: true }),
  k('content-media-type-changed', 'contentMediaType changed', B, B, { structural: true }),
  k('content-encoding-changed', 'contentEncoding changed', B, B, { structural: true }),
  // prefixItems: oasdiff treats added tuple positions as a widening of requests and a narrowing of responses.
  k('prefix-items-added', 'prefixItems added', N, B, { structural: true }),
  k('prefix-items-removed', 'prefixItems removed', B, N, { structural: true }),
  k('enum-removed', 'enum restriction removed', N, B),
  k('discriminator-added', 'discriminator added', N, N, { structural: true }),
  k('discriminator-removed', 'discriminator removed', N, N, { structural: true }),
  k('discriminator-property-name-changed', 'discriminator propertyName changed', B, P, {
    structural: true,
    rationale:
      'The discriminator property is how a payload selects its alternative. Payloads clients send today carry the old property, so the server can no longer dispatch them: breaking in requests. Clients that read responses and dispatch on the old property (generated SDKs do) can fail: potentially breaking in responses. oasdiff reports it as info, OpenAPITools/openapi-diff as incompatible in both directions.',
  }),
  k('discriminator-mapping-added', 'discriminator mapping added', N, N, { structural: true }),
  k('discriminator-mapping-deleted', 'discriminator mapping removed', N, N, { structural: true }),
  k('discriminator-mapping-changed', 'discriminator mapping changed', N, N, { structural: true }),
];

export const KIND_BY_NAME = new Map(SCHEMA_KINDS.map((s) => [s.kind, s]));

const LOCATION_TITLE: Record<Direction, Record<SchemaLocation, string>> = {
  request: { body: 'Request body schema', property: 'Request property', parameter: 'Request parameter schema', header: 'Request header schema' },
  response: { body: 'Response body schema', property: 'Response property', parameter: 'Response parameter schema', header: 'Response header schema' },
};

/** The literal ids of a kind in one direction (following `requestAs`/`responseAs`). */
function idsOf(kind: string, direction: Direction): LocatedIds {
  const entry = SCHEMA_CHANGE_IDS[kind];
  const alias = direction === 'request' ? entry?.requestAs : entry?.responseAs;
  if (alias) return idsOf(alias, direction);
  return (direction === 'request' ? entry?.request : entry?.response) ?? {};
}

/** Id for a schema change at a location, or undefined when that combination is not reported. */
export function schemaChangeId(kind: SchemaKind, direction: Direction, location: SchemaLocation): string | undefined {
  const ids = idsOf(kind.kind, direction);
  // Structural keywords make no sense on parameters and headers; where they still appear they count as a property's.
  return ids[location] ?? ids.property;
}

/** Every schema-change rule: the kinds above, with the ids of SCHEMA_CHANGE_IDS. */
export function schemaKindRules(): ChangeRule[] {
  const out = new Map<string, ChangeRule>();
  for (const kind of SCHEMA_KINDS) {
    const entry = SCHEMA_CHANGE_IDS[kind.kind];
    if (!entry) throw new Error(`schema kind ${kind.kind} has no ids in SCHEMA_CHANGE_IDS`);
    for (const direction of ['request', 'response'] as const) {
      if (direction === 'request' ? entry.requestAs : entry.responseAs) continue;
      for (const [location, id] of Object.entries(idsOf(kind.kind, direction)) as Array<[SchemaLocation, string]>) {
        const level = direction === 'request' ? kind.request : kind.response;
        out.set(id, rule(id, level, `${LOCATION_TITLE[direction][location]}: ${kind.title}`, direction, undefined, kind.rationale));
      }
    }
  }
  return [...out.values()];
}

/** Property-level changes (added, removed, required, readOnly/writeOnly). */

/**
 * readOnly / writeOnly transitions whose level is not "non-breaking". oasdiff reports a request property becoming
 * read-only as a warning and a required one becoming not read-only as an error; OpenAPITools/openapi-diff calls the
 * four below incompatible. We follow the effect on the wire: a required request
 * property that stops being read-only must now be sent (like a new required property), and a required response
 * property that becomes write-only stops being returned (like a removed required property), so both are breaking;
 * an optional property becoming read-only in a request or write-only in a response is treated like the removal of an
 * optional property (potentially breaking).
 */
const ACCESS_LEVELS: Record<string, [ChangeLevel, string, string]> = {
  [ID.requestRequiredPropertyBecameNotReadOnly]: [B, ': clients must now send it', 'Keep the property read-only, or make it optional in requests (with a server-side default) before dropping readOnly.'],
  [ID.responseRequiredPropertyBecameWriteOnly]: [B, ': it is no longer returned', 'Keep returning the property; deprecate it first and remove it in a new API version.'],
  [ID.requestOptionalPropertyBecameReadOnly]: [P, ': values clients send are ignored or rejected', 'Keep accepting the property for a deprecation period; announce that it became read-only.'],
  [ID.requestRequiredPropertyBecameReadOnly]: [P, ': values clients send are ignored or rejected', 'Keep accepting the property for a deprecation period; announce that it became read-only.'],
  [ID.responseOptionalPropertyBecameWriteOnly]: [P, ': it is no longer returned', 'Check whether clients read the property; deprecate it first if they might.'],
  [ID.responseRequiredPropertyBecameNotWriteOnly]: [P, '', 'Make sure clients tolerate the property appearing in responses.'],
};

/**
 * A concrete object schema (a body, or a property inside it) replaced by a oneOf/anyOf of alternatives, reported
 * once as a restructuring instead of every property removed. "original-preserved": one alternative is the old
 * schema unchanged. Levels follow oasdiff (request/response-body-wrapped-in-one-of and their -original-preserved
 * variants: error / warning); anyOf that keeps the old schema accepts everything it accepted, so it breaks no request.
 */
/** A body or property wrapped in oneOf/anyOf: [plain, original preserved] per direction, place and keyword. */
export const WRAP_IDS = {
  request: {
    body: { one: [ID.requestBodyWrappedInOneOf, ID.requestBodyWrappedInOneOfOriginalPreserved], any: [ID.requestBodyWrappedInAnyOf, ID.requestBodyWrappedInAnyOfOriginalPreserved] },
    property: { one: [ID.requestPropertyWrappedInOneOf, ID.requestPropertyWrappedInOneOfOriginalPreserved], any: [ID.requestPropertyWrappedInAnyOf, ID.requestPropertyWrappedInAnyOfOriginalPreserved] },
  },
  response: {
    body: { one: [ID.responseBodyWrappedInOneOf, ID.responseBodyWrappedInOneOfOriginalPreserved], any: [ID.responseBodyWrappedInAnyOf, ID.responseBodyWrappedInAnyOfOriginalPreserved] },
    property: { one: [ID.responsePropertyWrappedInOneOf, ID.responsePropertyWrappedInOneOfOriginalPreserved], any: [ID.responsePropertyWrappedInAnyOf, ID.responsePropertyWrappedInAnyOfOriginalPreserved] },
  },
} as const;

export const WRAP_RULES: ChangeRule[] = (['request', 'response'] as const).flatMap((dir) =>
  (['body', 'property'] as const).flatMap((where) =>
    (['one', 'any'] as const).flatMap((k) =>
      [false, true].map((preserved) => {
        const id = WRAP_IDS[dir][where][k][preserved ? 1 : 0];
        const level = !preserved ? B : dir === 'request' && k === 'any' ? N : P;
        const subject = where === 'body' ? `The ${dir} body schema` : `An object ${dir} property`;
        const why = !preserved
          ? dir === 'request'
            ? ' that does not keep the old schema: payloads clients send today can match none of the alternatives'
            : ': clients can receive shapes they do not parse'
          : dir === 'request'
            ? k === 'one'
              ? ', keeping the old schema as one alternative (a payload that also matches another alternative is rejected)'
              : ', keeping the old schema as one alternative, so everything accepted before is still accepted'
            : ', keeping the old schema as one alternative (clients can also receive the other alternatives)';
        return rule(id, level, `${subject} was wrapped in a ${k}Of of alternatives${why}`, dir);
      }),
    ),
  ),
);

/** readOnly/writeOnly transitions per direction, requiredness and transition. */
export const ACCESS_IDS = {
  request: {
    optional: { 'read-only': ID.requestOptionalPropertyBecameReadOnly, 'not-read-only': ID.requestOptionalPropertyBecameNotReadOnly, 'write-only': ID.requestOptionalPropertyBecameWriteOnly, 'not-write-only': ID.requestOptionalPropertyBecameNotWriteOnly },
    required: { 'read-only': ID.requestRequiredPropertyBecameReadOnly, 'not-read-only': ID.requestRequiredPropertyBecameNotReadOnly, 'write-only': ID.requestRequiredPropertyBecameWriteOnly, 'not-write-only': ID.requestRequiredPropertyBecameNotWriteOnly },
  },
  response: {
    optional: { 'read-only': ID.responseOptionalPropertyBecameReadOnly, 'not-read-only': ID.responseOptionalPropertyBecameNotReadOnly, 'write-only': ID.responseOptionalPropertyBecameWriteOnly, 'not-write-only': ID.responseOptionalPropertyBecameNotWriteOnly },
    required: { 'read-only': ID.responseRequiredPropertyBecameReadOnly, 'not-read-only': ID.responseRequiredPropertyBecameNotReadOnly, 'write-only': ID.responseRequiredPropertyBecameWriteOnly, 'not-write-only': ID.responseRequiredPropertyBecameNotWriteOnly },
  },
} as const;

export const PROPERTY_RULES: ChangeRule[] = [
  rule(ID.newRequiredRequestProperty, B, 'A new required property was added to a request body', 'request'),
  rule(ID.newRequiredRequestPropertyWithDefault, B, 'A new required property with a default value was added to a request body: clients that do not send it now send an invalid payload', 'request', 'Add the property as optional; the server applies the default when it is missing.',
    "A default documents what the server assumes when an optional value is missing; it does not make a required property optional, so validating servers and gateways reject payloads without it. This matches new-required-request-parameter, which was already breaking with a default. oasdiff agrees (error); Specgate reported it as non-breaking before issue 16."),
  rule(ID.newOptionalRequestProperty, N, 'A new optional property was added to a request body', 'request'),
  rule(ID.requestPropertyRemoved, P, 'A property was removed from a request body (the server may now reject or ignore it)', 'request'),
  rule(ID.requestPropertyBecameRequired, B, 'A request property became required', 'request'),
  rule(ID.requestPropertyBecameOptional, N, 'A request property became optional', 'request'),
  rule(ID.requestRequiredPropertyBecameNotReadOnly31, N, 'A required request property is no longer read-only, in OpenAPI 3.1 where `required` already applied to it in requests: clients already send it', 'request'),
  rule(ID.requestPropertyDeprecated, N, 'A request property was deprecated', 'request'),
  rule(ID.requestPropertyReactivated, N, 'A deprecated request property is no longer deprecated', 'request'),
  rule(ID.newRequiredRequestParameterProperty, B, 'A new required property was added to an object request parameter', 'request'),
  rule(ID.newOptionalRequestParameterProperty, N, 'A new optional property was added to an object request parameter', 'request'),
  rule(ID.requestParameterPropertyRemoved, P, 'A property was removed from an object request parameter', 'request'),
  rule(ID.requestParameterPropertyBecameRequired, B, 'A property of an object request parameter became required', 'request'),
  rule(ID.requestParameterPropertyBecameOptional, N, 'A property of an object request parameter became optional', 'request'),
  rule(ID.responseRequiredPropertyAdded, N, 'A new required property was added to a response', 'response'),
  rule(ID.responseOptionalPropertyAdded, N, 'A new optional property was added to a response', 'response'),
  rule(ID.responseRequiredPropertyRemoved, B, 'A required property was removed from a response', 'response'),
  rule(ID.responseOptionalPropertyRemoved, P, 'An optional property was removed from a response', 'response'),
  rule(ID.responsePropertyBecameOptional, B, 'A response property is no longer required (it may be missing)', 'response'),
  rule(ID.responsePropertyBecameRequired, N, 'A response property became required', 'response'),
  rule(ID.responsePropertyDeprecated, N, 'A response property was deprecated', 'response'),
  rule(ID.responsePropertyReactivated, N, 'A deprecated response property is no longer deprecated', 'response'),
  // A body or parameter schema replaced by the boolean schema `false` (nothing is valid), or the reverse.
  rule(ID.requestBodySchemaBecameFalse, B, 'The request body schema became `false`: no payload is accepted', 'request'),
  rule(ID.requestBodySchemaBecameNotFalse, N, 'The request body schema was `false` and now accepts payloads', 'request'),
  rule(ID.requestParameterSchemaBecameFalse, B, 'A request parameter schema became `false`: no value is accepted', 'request'),
  rule(ID.requestParameterSchemaBecameNotFalse, N, 'A request parameter schema was `false` and now accepts values', 'request'),
  rule(ID.responseBodySchemaBecameFalse, B, 'The response body schema became `false`: the media type can no longer be returned in a valid form', 'response'),
  rule(ID.responseBodySchemaBecameNotFalse, N, 'The response body schema was `false` and now describes payloads', 'response'),
  // A subschema (a property, or `items` closing a tuple) replaced by the boolean schema `false`, or the reverse.
  rule(ID.requestPropertySchemaBecameFalse, B, 'A request subschema became `false`: values clients send there are now rejected', 'request'),
  rule(ID.requestPropertySchemaBecameNotFalse, N, 'A request subschema that was `false` now accepts values', 'request'),
  rule(ID.responsePropertySchemaBecameFalse, N, 'A response subschema became `false`: the server no longer returns values there', 'response'),
  rule(ID.responsePropertySchemaBecameNotFalse, B, 'A response subschema that was `false` now accepts values: clients can receive data they never saw (e.g. array items past the tuple prefix)', 'response'),
  ...(['request', 'response'] as const).flatMap((dir) =>
    (['optional', 'required'] as const).flatMap((req) =>
      (['read-only', 'not-read-only', 'write-only', 'not-write-only'] as const).map((what) => {
        const id = ACCESS_IDS[dir][req][what];
        const access = ACCESS_LEVELS[id];
        return rule(id, access?.[0] ?? N, `A ${req} ${dir} property became ${what.replace(/-/g, ' ')}${access ? access[1] : ''}`, dir as Direction, access?.[2]);
      }),
    ),
  ),
];
