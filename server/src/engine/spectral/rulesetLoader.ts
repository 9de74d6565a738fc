import * as YAML from 'yaml';
import { Ruleset } from '@stoplight/spectral-core';
import oas from '@stoplight/spectral-rulesets/dist/oas';
import arazzo from '@stoplight/spectral-rulesets/dist/arazzo';
import { createRequire } from 'module';
import type { node } from '@stoplight/spectral-ruleset-bundler/presets/node';
import * as coreFunctions from '@stoplight/spectral-functions';
import { loadPlainRuleset } from './plainRuleset';
import type { IWorkspace } from '../workspace';
import type { RuleSetting, SpecgateSettings } from '../settings';
import { normalizeSeverity } from '../settings';
import type { SeveritySetting } from '../types';
import { dirnameUri, isUnder, joinUri, pathToUri, uriToPath } from '../uri';

import { RULESET_FILE_NAMES } from './rulesetFiles';
export { RULESET_FILE_NAMES };
const CODE_EXTENSIONS = /\.(m|c)?js$/i;

export interface LoadedRuleset {
  /** The Spectral ruleset to run. */
  ruleset: Ruleset;
  /** The workspace file it came from; undefined for the built-in default. */
  file?: string;
  /** Built-in style-rule settings found in the ruleset's `rules` (`specgate-*` ids). */
  styleRules: Record<string, SeveritySetting | RuleSetting>;
  /** Something the user should know once (skipped JS in an untrusted workspace). */
  notice?: string;
}

export class RulesetLoadError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`Could not load ruleset ${file}: ${reason}`);
  }
}

let defaultRuleset: Ruleset | undefined;
export function getDefaultRuleset(): Ruleset {
  defaultRuleset ??= new Ruleset({ extends: [[oas as never, 'recommended'], [arazzo as never, 'recommended']] } as never, { severity: 'recommended' });
  return defaultRuleset;
}

/**
 * Finds the ruleset that applies to `documentUri`: the setting first, then `.spectral.*` up to the
 * workspace folder. `known`: the ruleset files the workspace index found, so nothing is probed;
 * without it each candidate name is read in each folder.
 */
export async function findRulesetFile(workspace: IWorkspace, documentUri: string, settings: SpecgateSettings, known?: ReadonlySet<string>): Promise<string | undefined> {
  const folder = workspace.folders.find((f) => isUnder(documentUri, f));
  if (settings.ruleset) {
    if (settings.ruleset.startsWith('/') || /^[a-z]+:\/\//i.test(settings.ruleset)) return pathToUri(settings.ruleset);
    return joinUri(folder ?? dirnameUri(documentUri), settings.ruleset);
  }
  for (let dir = dirnameUri(documentUri); ; dir = dirnameUri(dir)) {
    for (const name of RULESET_FILE_NAMES) {
      const candidate = joinUri(dir, name);
      if (known ? known.has(candidate) : (await workspace.readFile(candidate)) !== undefined) return candidate;
    }
    const parent = dirnameUri(dir);
    if (parent === dir || (folder && !isUnder(parent, folder))) return undefined;
  }
}

/**
 * Loads a Spectral ruleset file with Spectral's own bundler, so `extends`, `overrides` and
 * custom functions behave exactly as in spectral-cli. Workspace JavaScript never runs in an
 * untrusted workspace, and remote `extends` are refused unless the user allowed them.
 */
export async function loadRuleset(workspace: IWorkspace, rulesetUri: string, settings: SpecgateSettings): Promise<LoadedRuleset> {
  const scan = await scanRuleset(workspace, rulesetUri, settings, new Set());
  if (scan.code && !workspace.isTrusted()) {
    return {
      ruleset: getDefaultRuleset(),
      styleRules: scan.styleRules,
      notice: `Specgate did not run ${describe(rulesetUri)}: it contains JavaScript (${scan.code}) and this workspace is not trusted. Using the default rulesets (spectral:oas, spectral:arazzo) instead.`,
    };
  }
  if (!scan.code && rulesetUri.startsWith('file:')) {
    const text = await workspace.readFile(rulesetUri);
    const plain = text === undefined ? undefined : loadPlainRuleset(withoutStyleRules(text), uriToPath(rulesetUri));
    if (plain) return { ruleset: plain, file: rulesetUri, styleRules: scan.styleRules };
  }
  try {
    return { ruleset: await loadWithBundler(workspace, rulesetUri, settings), file: rulesetUri, styleRules: scan.styleRules };
  } catch (e) {
    throw new RulesetLoadError(rulesetUri, flattenError(e));
  }
}

/** The ruleset as spectral-cli loads it (migrator, rollup), whatever it contains. Exported for the parity test of loadPlainRuleset. */
export async function loadWithBundler(workspace: IWorkspace, rulesetUri: string, settings: SpecgateSettings): Promise<Ruleset> {
  const io = {
    fs: {
      promises: {
        readFile: (async (path: string) => {
          const uri = pathToUri(String(path));
          const text = await workspace.readFile(uri);
          if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file ${path}`), { code: 'ENOENT' });
          return CODE_EXTENSIONS.test(uri) ? text : withoutStyleRules(text);
        }) as never,
      },
    },
    fetch: (async (url: string) => {
      if (!settings.allowRemoteReferences || !workspace.fetchRemote) {
        throw new Error(`remote ruleset ${url} not fetched (set specgate.allowRemoteReferences to allow it)`);
      }
      const body = await workspace.fetchRemote(url);
      if (body === undefined) throw new Error(`could not fetch ${url}`);
      return { ok: true, status: 200, text: async () => body, json: async () => JSON.parse(body) };
    }) as never,
  };
  return bundleAndLoad(uriToPath(rulesetUri), io);
}

/** What spectral-cli does (getRuleset): migrate YAML/JSON to JS, bundle with rollup, evaluate. */
async function bundleAndLoad(rulesetFile: string, io: Parameters<typeof node>[0]): Promise<Ruleset> {
  // Required here, not imported: rollup and the migrator take ~0.1 s to load, and most rulesets never need them.
  const { bundleRuleset } = require('@stoplight/spectral-ruleset-bundler') as typeof import('@stoplight/spectral-ruleset-bundler');
  const { builtins } = require('@stoplight/spectral-ruleset-bundler/plugins/builtins') as typeof import('@stoplight/spectral-ruleset-bundler/plugins/builtins');
  const { commonjs } = require('@stoplight/spectral-ruleset-bundler/plugins/commonjs') as typeof import('@stoplight/spectral-ruleset-bundler/plugins/commonjs');
  const { stdin } = require('@stoplight/spectral-ruleset-bundler/plugins/stdin') as typeof import('@stoplight/spectral-ruleset-bundler/plugins/stdin');
  const { node } = require('@stoplight/spectral-ruleset-bundler/presets/node') as typeof import('@stoplight/spectral-ruleset-bundler/presets/node');
  const { isBasicRuleset, migrateRuleset } = require('@stoplight/spectral-ruleset-migrator') as typeof import('@stoplight/spectral-ruleset-migrator');
  const plugins = [builtins(), commonjs(), ...node(io)];
  let entry = rulesetFile;
  let code: string;
  if (await isBasicRuleset(rulesetFile)) {
    const migrated = await migrateRuleset(rulesetFile, { format: 'esm', fs: io.fs as never });
    entry = rulesetFile.replace(/[^/]+$/, '.spectral.js');
    code = (await bundleRuleset(entry, { target: 'node', format: 'commonjs', plugins: [stdin(migrated, entry), ...plugins] })) as string;
  } else {
    code = (await bundleRuleset(entry, { target: 'node', format: 'commonjs', plugins })) as string;
  }
  const module = { exports: undefined as unknown };
  const req = createRequire(rulesetFile);
  const requireFromRuleset = (id: string) => req(req.resolve(id, { paths: [rulesetFile.replace(/\/[^/]*$/, ''), __dirname] }));
  Function('module, require', code)(module, requireFromRuleset);
  if (typeof module.exports !== 'object' || module.exports === null) throw new Error('the ruleset exports nothing');
  return new Ruleset(module.exports as never, { severity: 'recommended', source: rulesetFile });
}

interface RulesetScan {
  /** Why the ruleset counts as code, if it does. */
  code?: string;
  styleRules: Record<string, SeveritySetting | RuleSetting>;
}

/** Walks the `extends` chain of YAML/JSON rulesets without running anything. */
async function scanRuleset(workspace: IWorkspace, uri: string, settings: SpecgateSettings, seen: Set<string>): Promise<RulesetScan> {
  const result: RulesetScan = { styleRules: {} };
  if (seen.has(uri)) return result;
  seen.add(uri);
  if (CODE_EXTENSIONS.test(uri)) return { ...result, code: describe(uri) };
  const text = await workspace.readFile(uri);
  if (text === undefined) throw new RulesetLoadError(uri, 'file not found');
  let parsed: unknown;
  try {
    const doc = YAML.parseDocument(text);
    if (doc.errors.length > 0) throw new Error(doc.errors[0].message.split('\n')[0]);
    parsed = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    throw new RulesetLoadError(uri, `invalid YAML/JSON: ${(e as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object') throw new RulesetLoadError(uri, 'a ruleset must be a YAML or JSON object');
  const ruleset = parsed as Record<string, unknown>;
  if (Array.isArray(ruleset.functions) && ruleset.functions.length > 0) result.code = `custom functions in ${describe(uri)}`;
  const extendsList = Array.isArray(ruleset.extends) ? ruleset.extends : ruleset.extends ? [ruleset.extends] : [];
  for (const entry of extendsList) {
    const target = Array.isArray(entry) ? entry[0] : entry;
    if (typeof target !== 'string' || target.startsWith('spectral:')) continue;
    if (/^https?:\/\//i.test(target)) {
      if (!settings.allowRemoteReferences) {
        throw new RulesetLoadError(uri, `extends remote ruleset ${target}; set specgate.allowRemoteReferences to allow fetching it`);
      }
      result.code ??= `remote ruleset ${target}`;
      continue;
    }
    if (!target.startsWith('.') && !target.startsWith('/')) {
      result.code ??= `package ruleset ${target}`;
      continue;
    }
    const child = await scanRuleset(workspace, joinUri(dirnameUri(uri), target.replace(/^\.\//, '')), settings, seen);
    result.code ??= child.code;
    result.styleRules = { ...child.styleRules, ...result.styleRules };
  }
  Object.assign(result.styleRules, extractStyleRules(ruleset.rules));
  checkFunctionNames(uri, ruleset);
  return result;
}

/** Spectral's own error for an unknown function is "Function is not defined"; name the rule and function instead. */
function checkFunctionNames(uri: string, ruleset: Record<string, unknown>): void {
  const custom = new Set(Array.isArray(ruleset.functions) ? ruleset.functions.map(String) : []);
  const ruleMaps = [ruleset.rules, ...(Array.isArray(ruleset.overrides) ? ruleset.overrides.map((o) => (o as { rules?: unknown })?.rules) : [])];
  for (const rules of ruleMaps) {
    if (!rules || typeof rules !== 'object') continue;
    for (const [name, rule] of Object.entries(rules)) {
      const then = (rule as { then?: unknown } | null)?.then;
      for (const entry of Array.isArray(then) ? then : then ? [then] : []) {
        const fn = (entry as { function?: unknown })?.function;
        if (typeof fn === 'string' && !(fn in coreFunctions) && !custom.has(fn)) {
          throw new RulesetLoadError(uri, `rule "${name}" uses function "${fn}", which is neither a Spectral core function nor listed under "functions"`);
        }
      }
    }
  }
}

function extractStyleRules(rules: unknown): Record<string, SeveritySetting | RuleSetting> {
  const out: Record<string, SeveritySetting | RuleSetting> = {};
  if (!rules || typeof rules !== 'object') return out;
  for (const [id, value] of Object.entries(rules)) {
    if (!id.startsWith('specgate-')) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      out[id] = { severity: normalizeSeverity(v.severity), options: v.options as Record<string, unknown> | undefined };
    } else {
      const severity = normalizeSeverity(value);
      if (severity) out[id] = severity;
    }
  }
  return out;
}

/** Spectral rejects unknown rule ids, so `specgate-*` entries are removed before it sees the file. */
function withoutStyleRules(text: string): string {
  if (!/specgate-/.test(text)) return text;
  const doc = YAML.parseDocument(text);
  const rules = doc.get('rules');
  if (!YAML.isMap(rules)) return text;
  rules.items = rules.items.filter((pair) => !String(YAML.isScalar(pair.key) ? pair.key.value : pair.key).startsWith('specgate-'));
  return text.trimStart().startsWith('{') ? JSON.stringify(doc.toJS()) : doc.toString();
}

function describe(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

function flattenError(e: unknown): string {
  const parts: string[] = [];
  let current: unknown = e;
  for (let i = 0; current && i < 5; i++) {
    const err = current as { message?: string; cause?: unknown; errors?: unknown[] };
    if (err.message) parts.push(err.message);
    if (Array.isArray(err.errors)) parts.push(...err.errors.slice(0, 3).map((x) => String((x as Error).message ?? x)));
    current = err.cause;
  }
  return [...new Set(parts)].join(': ') || String(e);
}
