import * as jsYaml from 'js-yaml';

/**
 * js-yaml types that resolve plain scalars exactly as the `yaml` package's YAML 1.2 core schema
 * does (the parser behind every positioned document), so the value-only fast path and the
 * editor's parse agree on `-.5`, `0b101`, `0o17`, `1_000`, dates, `.inf`, `~`, `<<`...
 * js-yaml's own CORE_SCHEMA is YAML 1.1-flavoured and disagrees on all of those.
 * The regular expressions are copied from `yaml/dist/schema/{common,core}`.
 */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_DEC = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN_INF = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

const nullType = new jsYaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || NULL.test(data),
  construct: () => null,
  predicate: (object: unknown) => object === null,
  represent: { lowercase: () => 'null' },
  defaultStyle: 'lowercase',
});

const boolType = new jsYaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && BOOL.test(data),
  construct: (data: string) => data[0] === 't' || data[0] === 'T',
  predicate: (object: unknown) => typeof object === 'boolean',
  represent: { lowercase: (object: object) => String(object) },
  defaultStyle: 'lowercase',
});

const intType = new jsYaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (INT_DEC.test(data) || INT_OCT.test(data) || INT_HEX.test(data)),
  construct: (data: string) => {
    if (INT_OCT.test(data)) return parseInt(data.substring(2), 8);
    if (INT_HEX.test(data)) return parseInt(data.substring(2), 16);
    return parseInt(data, 10);
  },
  predicate: (object: unknown) => typeof object === 'number' && Number.isInteger(object),
  represent: { decimal: (object: object) => String(object) },
  defaultStyle: 'decimal',
});

const floatType = new jsYaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (FLOAT_NAN_INF.test(data) || FLOAT_EXP.test(data) || FLOAT.test(data)),
  construct: (data: string) => {
    if (FLOAT_NAN_INF.test(data)) return data.slice(-3).toLowerCase() === 'nan' ? NaN : data[0] === '-' ? -Infinity : Infinity;
    return parseFloat(data);
  },
  predicate: (object: unknown) => typeof object === 'number' && !Number.isInteger(object),
  represent: { lowercase: (object: object) => String(object) },
  defaultStyle: 'lowercase',
});

/** The YAML 1.2 core schema of the `yaml` package, for js-yaml. No merge keys, no timestamps (as there). */
export const YAML_CORE_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });
