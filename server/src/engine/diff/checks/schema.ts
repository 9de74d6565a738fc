/**
 * Turns a structural schema diff into changes for one place an operation uses
 * the schema: request body, parameter, response body or response header. The
 * same diff gives different ids and levels depending on the direction.
 */
import type { Located } from '../../refs';
import { inRevision, type DiffContext } from '../context';
import { isObject } from '../../refs';
import type { SchemaDiff, SchemaRecord } from '../schemaDiff';
import type { Direction } from '../types';
import { ACCESS_IDS, KIND_BY_NAME, WRAP_IDS, schemaChangeId, type SchemaLocation } from './schemaKinds';
import { ID } from '../changeIds';

/** A schema (body, parameter, or a subschema counted as a property) replaced by `false`, or the reverse. */
type FalseKind = 'schema-became-false' | 'schema-became-not-false';
const FALSE_IDS: Record<Direction, Partial<Record<SchemaLocation, Record<FalseKind, string>>>> = {
  request: {
    body: { 'schema-became-false': ID.requestBodySchemaBecameFalse, 'schema-became-not-false': ID.requestBodySchemaBecameNotFalse },
    parameter: { 'schema-became-false': ID.requestParameterSchemaBecameFalse, 'schema-became-not-false': ID.requestParameterSchemaBecameNotFalse },
    property: { 'schema-became-false': ID.requestPropertySchemaBecameFalse, 'schema-became-not-false': ID.requestPropertySchemaBecameNotFalse },
  },
  response: {
    body: { 'schema-became-false': ID.responseBodySchemaBecameFalse, 'schema-became-not-false': ID.responseBodySchemaBecameNotFalse },
    property: { 'schema-became-false': ID.responsePropertySchemaBecameFalse, 'schema-became-not-false': ID.responsePropertySchemaBecameNotFalse },
  },
};

export interface SchemaSite {
  direction: Direction;
  location: Exclude<SchemaLocation, 'property'>;
  /** `POST /orders` on the base and on the revision (paths can be written differently). */
  operation: { base: string; revision: string };
  /** Names the schema's owner in messages, e.g. `request body (application/json)`. */
  subject: string;
  /** A path parameter is always sent: its default never applies. */
  pathParameter?: boolean;
}

const DEFAULT_KINDS = new Set(['default-value-added', 'default-value-removed', 'default-value-changed']);

const ACCESS_KINDS = new Set(['became-read-only', 'became-not-read-only', 'became-write-only', 'became-not-write-only']);

export function emitSchemaChanges(ctx: DiffContext, base: Located, revision: Located, site: SchemaSite): void {
  if (site.location !== 'header') {
    // A whole body or parameter schema replaced by the boolean schema `false` (nothing is valid), or the reverse.
    const b = ctx.schemas.view(0, base).at;
    const r = ctx.schemas.view(1, revision).at;
    const accepts = (n: unknown) => n === true || isObject(n);
    const became = accepts(b.node) && r.node === false ? 'schema-became-false' : b.node === false && accepts(r.node) ? 'schema-became-not-false' : undefined;
    if (became) {
      ctx.emit(FALSE_IDS[site.direction][site.location]![became], inRevision(r), `${site.subject}: schema ${became === 'schema-became-false' ? 'became false (nothing is valid)' : 'is no longer false'}`, {
        operation: site.operation.revision,
        before: b.node === false ? false : undefined,
        after: r.node === false ? false : undefined,
        direction: site.direction,
      });
      return;
    }
  }
  // OpenAPI 3.1 dropped the rule that `required` applies to a readOnly property in responses only.
  const oas31 = [ctx.base, ctx.revision].every((spec) => /^3\.[1-9]/.test(String(spec.root.openapi ?? '')));
  const visited = new Set<SchemaDiff>();
  const walk = (diff: SchemaDiff, path: string[], depth: number, readOnly: boolean, writeOnly: boolean) => {
    if (visited.has(diff) || depth > ctx.maxDepth) return;
    visited.add(diff);
    for (const rec of diff.records) {
      // readOnly parts are not sent, writeOnly parts are not returned: changes there break nobody.
      const hidden = site.direction === 'request' ? readOnly || rec.readOnly : writeOnly || rec.writeOnly;
      if (hidden && !ACCESS_KINDS.has(rec.kind)) continue;
      if (site.pathParameter && DEFAULT_KINDS.has(rec.kind)) continue;
      const id =
        rec.property !== undefined
          ? propertyChangeId(rec, site, oas31)
          : WRAP_KINDS.has(rec.kind)
            ? wrapId(rec, site, path.length === 0)
            : FALSE_KINDS.has(rec.kind)
              ? FALSE_IDS[site.direction].property![rec.kind as FalseKind]
              : kindId(rec.kind, site, path.length === 0);
      if (id === undefined) continue;
      // Property-level texts name the property themselves; the subject names its parent.
      const subject = path.length > 0 ? `${site.subject}, property '${path.join('/')}'` : site.subject;
      ctx.emit(id, rec, `${subject}: ${rec.text}`, {
        operation: rec.side === 'base' ? site.operation.base : site.operation.revision,
        before: rec.before,
        after: rec.after,
        direction: site.direction,
      });
    }
    for (const link of diff.links) walk(link.diff, [...path, link.name], depth + 1, readOnly || link.readOnly, writeOnly || link.writeOnly);
  };
  walk(ctx.schemas.compare(base, revision), [], 0, false, false);
}

const WRAP_KINDS = new Set(['wrapped-in-one-of', 'wrapped-in-any-of']);
const FALSE_KINDS = new Set(['schema-became-false', 'schema-became-not-false']);

/** A body (at the root of a request or response body) or a property (anywhere else) wrapped in oneOf/anyOf. */
function wrapId(rec: SchemaRecord, site: SchemaSite, root: boolean): string {
  const where = root && site.location === 'body' ? 'body' : 'property';
  return WRAP_IDS[site.direction][where][rec.kind === 'wrapped-in-one-of' ? 'one' : 'any'][rec.after === true ? 1 : 0];
}

function kindId(kind: string, site: SchemaSite, root: boolean): string | undefined {
  const def = KIND_BY_NAME.get(kind);
  if (!def) return undefined;
  const location: SchemaLocation = root || site.location !== 'body' ? site.location : 'property';
  return schemaChangeId(def, site.direction, location);
}

function propertyChangeId(rec: SchemaRecord, site: SchemaSite, oas31 = false): string | undefined {
  const req = rec.required ? 'required' : 'optional';
  if (site.direction === 'request') {
    const param = site.location === 'parameter';
    switch (rec.kind) {
      case 'property-added':
        if (param) return rec.required ? ID.newRequiredRequestParameterProperty : ID.newOptionalRequestParameterProperty;
        // A required property with a default: the server fills it in when clients omit it.
        return rec.required && rec.after !== undefined ? ID.newRequiredRequestPropertyWithDefault : rec.required ? ID.newRequiredRequestProperty : ID.newOptionalRequestProperty;
      case 'property-removed':
        return param ? ID.requestParameterPropertyRemoved : ID.requestPropertyRemoved;
      case 'property-became-required':
        return param ? ID.requestParameterPropertyBecameRequired : ID.requestPropertyBecameRequired;
      case 'property-became-optional':
        return param ? ID.requestParameterPropertyBecameOptional : ID.requestPropertyBecameOptional;
    }
  } else {
    switch (rec.kind) {
      case 'property-added':
        return rec.required ? ID.responseRequiredPropertyAdded : ID.responseOptionalPropertyAdded;
      case 'property-removed':
        return rec.required ? ID.responseRequiredPropertyRemoved : ID.responseOptionalPropertyRemoved;
      case 'property-became-required':
        return ID.responsePropertyBecameRequired;
      case 'property-became-optional':
        return ID.responsePropertyBecameOptional;
    }
  }
  if (rec.kind === 'deprecated') return site.direction === 'request' ? ID.requestPropertyDeprecated : ID.responsePropertyDeprecated;
  if (rec.kind === 'reactivated') return site.direction === 'request' ? ID.requestPropertyReactivated : ID.responsePropertyReactivated;
  if (ACCESS_KINDS.has(rec.kind)) {
    // In 3.1 clients already had to send a required readOnly property, so it ceasing to be readOnly asks nothing new.
    if (oas31 && site.direction === 'request' && rec.required && rec.kind === 'became-not-read-only') return ID.requestRequiredPropertyBecameNotReadOnly31;
    return ACCESS_IDS[site.direction][req][rec.kind.slice('became-'.length) as keyof (typeof ACCESS_IDS)['request']['optional']];
  }
  return undefined;
}
