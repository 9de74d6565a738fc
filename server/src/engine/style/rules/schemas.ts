/** Rules about property schemas: timestamp formats and data classification. */
import { indexDocument, isObj, own, schemaTypes, type Obj, type PropertyInfo } from '../../openapi';
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

/** `allow` (default): a number declared as seconds since the epoch is a convention choice, not a format error. */
export type TimestampOptions = { patterns: TimestampPattern[]; epoch: 'allow' | 'flag' };

export const DEFAULT_TIMESTAMP_PATTERNS: TimestampPattern[] = [
  { pattern: '_at$', formats: ['date-time'] },
  { pattern: '(^|_)(timestamp|datetime)$', formats: ['date-time'] },
  { pattern: '_time$', formats: ['date-time', 'time'] },
  { pattern: '_on$', formats: ['date-time', 'date'] },
  { pattern: '(^|_)date$', formats: ['date', 'date-time'] },
];

const NOT_TIMESTAMP_TYPES = ['boolean', 'object', 'array'];
/** Words that make a `*_time` name a length of time, not a point in time (`average_wait_time`, `cache_ttl`). */
const DURATION_WORDS = new Set([
  'duration', 'ttl', 'interval', 'timeout', 'period', 'elapsed', 'wait', 'waiting', 'delay', 'latency', 'uptime',
  'runtime', 'lifetime', 'seconds', 'secs', 'minutes', 'mins', 'hours', 'days', 'ms', 'millis', 'milliseconds',
  'average', 'avg', 'total', 'count', 'query', 'response', 'processing', 'execution', 'idle', 'hold', 'talk', 'ring',
]);
/** A description that measures a length of time or a time of day rather than a point in time. */
const NOT_A_POINT_IN_TIME = /\b(duration|(in|of|number of) (milli)?seconds|in minutes|in hours|number of (minutes|hours|days)|time ?zone|hh:mm)\b/i;
/** Explicit representations of an instant other than RFC 3339 (`unix-time`, `date-time-rfc-2822`): a convention choice. */
const EXPLICIT_TIME_FORMAT = /unix|epoch|rfc|iso|timestamp/i;
const EPOCH_DESCRIPTION = /\b(unix|epoch|posix)\b/i;
/** "Timestamp of the message to pin": an existing object named by its timestamp, a key in the representation the API gave it. */
const TIMESTAMP_AS_KEY = /^\s*(the\s+)?(time ?stamp|ts)\s+of\s+(the|a|an)\s+[\w-]+\s+(to|you|that|which)\b/i;

/** Why a schema named like a timestamp is nonetheless not one (or is one in an accepted form); undefined = judge it. */
function notATimestamp(name: string, schema: Obj, types: string[], epoch: TimestampOptions['epoch']): boolean {
  const words = tokenize(name).words.map((w) => w.text.toLowerCase());
  if (words.some((w) => DURATION_WORDS.has(w))) return true;
  // An on/off setting or a fixed set of values (`track_commit_timestamp: [on, off]`) is not a point in time.
  if (own(schema, 'enum') !== undefined || own(schema, 'const') !== undefined) return true;
  const description = typeof schema.description === 'string' ? schema.description : '';
  if (NOT_A_POINT_IN_TIME.test(description) || TIMESTAMP_AS_KEY.test(description)) return true;
  const format = own(schema, 'format');
  if (typeof format === 'string' && EXPLICIT_TIME_FORMAT.test(format)) return true;
  // A string that says it holds epoch seconds (`"current time in epoch format"`) chose that representation.
  if (epoch !== 'flag' && types.includes('string') && EPOCH_DESCRIPTION.test(description)) return true;
  if (!types.includes('string') && types.some((t) => t === 'integer' || t === 'number')) {
    // A number is either a length of time or seconds since the epoch; flag it only when asked to and it says it is an epoch.
    return epoch !== 'flag' || !(format === 'unix-time' || EPOCH_DESCRIPTION.test(description));
  }
  return false;
}

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
  defaultOptions: { patterns: DEFAULT_TIMESTAMP_PATTERNS, epoch: 'allow' },
  scope: 'entry',
  check(ctx) {
    const patterns = compilePatterns(ctx.options.patterns);
    if (patterns.length === 0) return;
    for (const p of indexDocument(ctx.document, ctx.format).properties) {
      const schema = p.schema;
      if (p.name.startsWith('x-') || !isObj(schema) || own(schema, '$ref') !== undefined) continue;
      const finding = timestampFinding(p.name, schema, patterns, ctx.options.epoch);
      if (finding) ctx.report({ pointer: p.pointer, target: 'key', ...finding });
    }
  },
};

/** The timestamp rule's verdict on one property; also used to check that a rename does not create a finding. */
export function timestampFinding(
  name: string,
  schema: Obj,
  patterns: Array<{ re: RegExp; formats: string[] }>,
  epoch: TimestampOptions['epoch'],
): { message: string; fix: { kind: string; format: string; type?: string } } | undefined {
  const snake = snakeWords(name);
  const match = snake && patterns.find((pt) => pt.re.test(snake));
  if (!match) return undefined;
  const types = schemaTypes(schema);
  if (types.length === 0 && ['allOf', 'oneOf', 'anyOf'].some((k) => own(schema, k) !== undefined)) return undefined;
  if (!types.includes('string') && types.some((t) => NOT_TIMESTAMP_TYPES.includes(t))) return undefined;
  const format = own(schema, 'format');
  const isString = types.includes('string');
  if (isString && typeof format === 'string' && match.formats.includes(format)) return undefined;
  if (notATimestamp(name, schema, types, epoch)) return undefined;
  const wanted = match.formats[0];
  const alternatives = match.formats.slice(1);
  const problem = !isString
    ? types.length
      ? `is type "${types.join('", "')}"`
      : 'has no type'
    : typeof format === 'string'
      ? `has format "${format}"`
      : 'has no format';
  return {
    message:
      `Property "${name}" looks like a ${wanted === 'date' ? 'date' : 'timestamp'} but ${problem}; ` +
      `use type: string with format: ${wanted}${alternatives.length ? ` (or ${alternatives.join(', ')})` : ''}.`,
    fix: isString ? { kind: 'add-format', format: wanted } : { kind: 'add-format', format: wanted, type: 'string' },
  };
}

export { compilePatterns as compileTimestampPatterns };

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

/** Types that cannot hold personal data themselves: flags, counts, amounts. */
const NON_PERSONAL_TYPES = new Set(['boolean', 'integer', 'number']);
/** Words that may follow a personal-data phrase and keep it personal (`address_line1`, `first_name_kana`, `ssn_last_4`). */
const PERSONAL_QUALIFIERS = new Set([
  'line', 'line1', 'line2', 'line3', '1', '2', '3', '4', 'kana', 'kanji', 'last', 'last4', 'alias', 'aliases',
  'primary', 'secondary', 'number', 'numbers', 'address', 'addresses', 'list', 'raw', 'masked', 'hash', 'hashed',
]);
/** Words before `address` that make it a machine's address, not a postal one (`sip_server_address`, `mac_address`). */
const MACHINE_ADDRESS_WORDS = new Set([
  'server', 'sip', 'host', 'url', 'web', 'network', 'contract', 'wallet', 'memory', 'base', 'proxy', 'registry',
  'listen', 'bind', 'smtp', 'dns', 'mac', 'gateway', 'endpoint', 'peer', 'node', 'bitcoin', 'crypto',
]);
/** A person's name only on a person: the repository's `full_name` is `octocat/Hello-World`. */
const PERSON_NAME_PHRASES = new Set(['full name', 'first name', 'last name', 'given name', 'family name', 'surname']);
const NOT_A_PERSON = new Set([
  'repository', 'repositories', 'repo', 'repos', 'project', 'projects', 'package', 'packages', 'team', 'teams',
  'organization', 'organizations', 'org', 'orgs', 'workspace', 'app', 'application', 'product', 'plan', 'image',
  'file', 'folder', 'branch', 'tag', 'cluster', 'database', 'domain', 'bucket', 'channel', 'queue', 'topic', 'namespace',
]);
/** Objects that are infrastructure: their IP address identifies a machine, not a person (a user's `device` is a person's). */
const DEVICE_WORDS = new Set([
  'reader', 'terminal', 'server', 'servers', 'machine', 'host', 'node', 'instance', 'droplet',
  'router', 'printer', 'sensor', 'vm', 'appliance', 'balancer', 'firewall', 'gateway', 'camera', 'kiosk',
]);
const STRUCTURAL_SEGMENTS = new Set(['properties', 'items', 'allOf', 'oneOf', 'anyOf', 'additionalProperties', 'schema', 'content']);

/** The nearest name in a pointer that says what the object is (`…/schemas/minimal-repository/properties/x` → minimal-repository). */
function ownerName(parentPointer: string): string {
  const segments = parentPointer.split('/').slice(1);
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i].replace(/~1/g, '/').replace(/~0/g, '~');
    if (!STRUCTURAL_SEGMENTS.has(seg) && !/^\d+$/.test(seg) && !seg.includes('/')) return seg;
  }
  return '';
}

/** Whether a property can hold the personal data its name suggests. */
function canCarryPersonalData(p: PropertyInfo, words: string[], phrase: string[], at: number): boolean {
  const schema = p.schema as Obj;
  const types = schemaTypes(schema);
  const itemTypes = types.includes('array') ? schemaTypes(own(schema, 'items')) : [];
  if (types.length > 0 && types.every((t) => NON_PERSONAL_TYPES.has(t))) return false;
  if (itemTypes.length > 0 && itemTypes.every((t) => NON_PERSONAL_TYPES.has(t))) return false;
  // A configuration choice (`billing_address_collection: [auto, required]`) holds no one's data.
  if (own(schema, 'enum') !== undefined || own(own(schema, 'items'), 'enum') !== undefined) return false;
  // The phrase must be what the property is (`email`, `billing_address_line1`), not a modifier (`email_notification`).
  if (!words.slice(at + phrase.length).every((w) => PERSONAL_QUALIFIERS.has(w))) return false;
  if (phrase.join(' ') === 'address' && at > 0 && MACHINE_ADDRESS_WORDS.has(words[at - 1])) return false;
  // A device's IP address (`terminal.reader.ip_address`) is not a person's; a customer's or a user's is.
  if (phrase.join(' ') === 'address' && at > 0 && words[at - 1] === 'ip') {
    const owner = tokenize(ownerName(p.parentPointer)).words.map((w) => w.text.toLowerCase());
    if (owner.some((w) => DEVICE_WORDS.has(w))) return false;
  }
  if (PERSON_NAME_PHRASES.has(phrase.join(' '))) {
    const owner = tokenize(ownerName(p.parentPointer)).words.map((w) => w.text.toLowerCase());
    if (owner.some((w) => NOT_A_PERSON.has(w))) return false;
    const example = own(schema, 'example');
    if (typeof example === 'string' && example.includes('/')) return false;
  }
  return true;
}

export const dataClassification: StyleRule<DataClassificationOptions> = {
  id: 'specgate-data-classification',
  description: 'Properties that look like personal data carry a data-classification extension.',
  defaultSeverity: 'info',
  formats: OAS_FORMATS,
  defaultOptions: { extension: 'x-data-classification', patterns: DEFAULT_PERSONAL_DATA_PATTERNS },
  scope: 'entry',
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
      let hit: { pattern: string } | undefined;
      for (const ph of phrases) {
        const at = runIndex(words, ph.words);
        if (at >= 0 && canCarryPersonalData(p, words, ph.words, at)) {
          hit = ph;
          break;
        }
      }
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

/** Index of the last occurrence of `run` in `words`, or -1. */
function runIndex(words: string[], run: string[]): number {
  outer: for (let i = words.length - run.length; i >= 0; i--) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}
