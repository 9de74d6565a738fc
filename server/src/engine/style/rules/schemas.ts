/** Rules about property schemas: timestamp formats and data classification. */
import { indexDocument, isObj, own, schemaTypes, type Obj } from '../../openapi';
import { tokenize } from '../casing';
import type { StyleRule } from '../types';
import { stringArray } from '../util';
import { OAS_FORMATS } from './naming';

function snakeWords(name: string): string {
  return tokenize(name)
    .words.map((w) => w.text.toLowerCase())
    .join('_');
}

// ---------------------------------------------------------------------------------------------
// Timestamps

export interface TimestampPattern {
  /** Regular expression tested against the name in lowercase snake_case (`createdAt` → `created_at`). */
  pattern: string;
  /** Accepted formats; the first is the one the fix adds. */
  formats: string[];
}

export type TimestampOptions = { patterns: TimestampPattern[] };

export const DEFAULT_TIMESTAMP_PATTERNS: TimestampPattern[] = [
  { pattern: '_at$', formats: ['date-time'] },
  { pattern: '(^|_)(timestamp|datetime)$', formats: ['date-time'] },
  { pattern: '_time$', formats: ['date-time'] },
  { pattern: '_on$', formats: ['date-time', 'date'] },
  { pattern: '(^|_)date$', formats: ['date', 'date-time'] },
];

const NOT_TIMESTAMP_TYPES = ['boolean', 'object', 'array'];

function compilePatterns(value: unknown): Array<{ re: RegExp; formats: string[] }> {
  const out: Array<{ re: RegExp; formats: string[] }> = [];
  for (const p of Array.isArray(value) ? value : []) {
    if (!isObj(p) || typeof p.pattern !== 'string') continue;
    const formats = stringArray(p.formats);
    try {
      out.push({ re: new RegExp(p.pattern, 'u'), formats: formats.length ? formats : ['date-time'] });
    } catch {
      // an invalid user pattern is skipped
    }
  }
  return out;
}

export const timestampFormat: StyleRule<TimestampOptions> = {
  id: 'specgate-timestamp-format',
  description: 'Properties named like timestamps or dates are type: string with format: date-time (or date).',
  defaultSeverity: 'warn',
  formats: OAS_FORMATS,
  defaultOptions: { patterns: DEFAULT_TIMESTAMP_PATTERNS },
  check(ctx) {
    const patterns = compilePatterns(ctx.options.patterns);
    if (patterns.length === 0) return;
    for (const p of indexDocument(ctx.document, ctx.format).properties) {
      const schema = p.schema;
      if (p.name.startsWith('x-') || !isObj(schema) || own(schema, '$ref') !== undefined) continue;
      const snake = snakeWords(p.name);
      const match = snake && patterns.find((pt) => pt.re.test(snake));
      if (!match) continue;
      const types = schemaTypes(schema);
      if (types.length === 0 && ['allOf', 'oneOf', 'anyOf'].some((k) => own(schema, k) !== undefined)) continue;
      if (!types.includes('string') && types.some((t) => NOT_TIMESTAMP_TYPES.includes(t))) continue;
      const format = own(schema, 'format');
      const isString = types.includes('string');
      if (isString && typeof format === 'string' && match.formats.includes(format)) continue;
      const wanted = match.formats[0];
      const alternatives = match.formats.slice(1);
      const problem = !isString
        ? types.length
          ? `is type "${types.join('", "')}"`
          : 'has no type'
        : typeof format === 'string'
          ? `has format "${format}"`
          : 'has no format';
      ctx.report({
        pointer: p.pointer,
        target: 'key',
        message:
          `Property "${p.name}" looks like a ${wanted === 'date' ? 'date' : 'timestamp'} but ${problem}; ` +
          `use type: string with format: ${wanted}${alternatives.length ? ` (or ${alternatives.join(', ')})` : ''}.`,
        fix: isString ? { kind: 'add-format', format: wanted } : { kind: 'add-format', format: wanted, type: 'string' },
      });
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Data classification

export type DataClassificationOptions = { extension: string; patterns: string[] };

export const DEFAULT_PERSONAL_DATA_PATTERNS = [
  'email', 'e_mail', 'phone', 'mobile', 'fax', 'ssn', 'social_security_number', 'national_id', 'tax_id',
  'birth_date', 'date_of_birth', 'birthday', 'dob', 'address', 'street', 'postal_code', 'zip_code', 'zip',
  'first_name', 'last_name', 'full_name', 'given_name', 'family_name', 'surname', 'passport', 'iban',
  'credit_card', 'card_number', 'cvv', 'gender',
];

function carries(schema: unknown, extension: string): boolean {
  if (!isObj(schema)) return false;
  if (own(schema, extension) !== undefined) return true;
  return ['allOf', 'oneOf', 'anyOf'].some((k) => {
    const list = own(schema, k);
    return Array.isArray(list) && list.some((s) => isObj(s) && own(s, extension) !== undefined);
  });
}

export const dataClassification: StyleRule<DataClassificationOptions> = {
  id: 'specgate-data-classification',
  description: 'Properties that look like personal data carry a data-classification extension.',
  defaultSeverity: 'info',
  formats: OAS_FORMATS,
  defaultOptions: { extension: 'x-data-classification', patterns: DEFAULT_PERSONAL_DATA_PATTERNS },
  check(ctx) {
    const extension = typeof ctx.options.extension === 'string' && ctx.options.extension ? ctx.options.extension : 'x-data-classification';
    const phrases = stringArray(ctx.options.patterns)
      .map((p) => ({ pattern: p, words: tokenize(p).words.map((w) => w.text.toLowerCase()) }))
      .filter((p) => p.words.length > 0);
    if (phrases.length === 0) return;
    for (const p of indexDocument(ctx.document, ctx.format).properties) {
      if (p.name.startsWith('x-') || !isObj(p.schema) || own(p.schema, '$ref') !== undefined) continue;
      if (carries(p.schema, extension) || carries(p.parent as Obj, extension)) continue;
      const words = tokenize(p.name).words.map((w) => w.text.toLowerCase());
      const hit = phrases.find((ph) => containsRun(words, ph.words));
      if (!hit) continue;
      ctx.report({
        pointer: p.pointer,
        target: 'key',
        message: `Property "${p.name}" looks like personal data ("${hit.pattern}") but has no ${extension}; classify it.`,
        fix: { kind: 'add-extension', extension },
      });
    }
  },
};

function containsRun(words: string[], run: string[]): boolean {
  outer: for (let i = 0; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return true;
  }
  return false;
}
