// Generated specs for the fix-all rows of bench/fixes.mjs.
import YAML from 'yaml';

/**
 * An OpenAPI 3 spec with `n` snake_case properties over n/10 schemas, each schema holding 12
 * camelCase properties too (so camelCase is the dominant casing and each snake_case name a fix).
 */
export function badlyNamedSpec(n) {
  const schemas = {};
  for (let i = 0; i < n; i++) {
    const schema = (schemas[`Thing${Math.floor(i / 10)}`] ??= { type: 'object', properties: {} });
    if (i % 10 === 0) for (let k = 0; k < 12; k++) schema.properties[`goodName${k}`] = { type: 'string' };
    schema.properties[`field_number_${i}`] = { type: 'string' };
  }
  const paths = {};
  for (const name of Object.keys(schemas).slice(0, 20)) {
    paths[`/${name.toLowerCase()}s`] = {
      get: { operationId: `list${name}s`, responses: { 200: { description: 'OK', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } } } },
    };
  }
  return YAML.stringify({ openapi: '3.0.3', info: { title: `Generated ${n}`, version: '1.0.0' }, paths, components: { schemas } });
}
