import { Document, Spectral, Ruleset, ISpectralDiagnostic } from '@stoplight/spectral-core';
import * as Parsers from '@stoplight/spectral-parsers';
import { Resolver } from '@stoplight/spectral-ref-resolver';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { IWorkspace } from '../workspace';
import type { SpecgateSettings } from '../settings';
import { pathToUri, uriToPath } from '../uri';
import { outsideReferenceRefusal, referenceRoot } from '../refs/containment';
import { isValueOnly, type ParsedDocument } from '../document/parsedDocument';
import { canShareParse, sharedParser } from './sharedParse';
import { valueOnlyParser } from './valueOnlyParse';
import { beginExampleValidationRun, useCachedExampleValidation } from './exampleValidation';
import { useLinearOperationIdUnique } from './operationIdUnique';
import { useQuickUniqueEnum } from './uniqueEnum';
import { replaceRuleFunctions, type RuleFunction } from './ruleFunctions';
import { CancelledError, type Cancellation } from '../references/cancellation';
import { isSelectedFinding, selectRules, type RuleSelection } from './ruleSplit';

const SPECTRAL_DOCS = 'https://docs.stoplight.io/docs/spectral/4dec24461f3af-open-api-rules';

/**
 * A `$ref` resolver that reads through the workspace (editor buffers first) and refuses
 * remote references unless the user allowed them.
 */
export function createWorkspaceResolver(workspace: IWorkspace, settings: SpecgateSettings, maxFiles: number, specUri: string, specText = ''): Resolver {
  let reads = 0;
  const root = referenceRoot(specUri, workspace.folders);
  const readLocal = async (ref: { href(): string }) => {
    if (++reads > maxFiles) throw new Error(`more than ${maxFiles} referenced files; raise specgate.maxReferencedFiles`);
    const target = pathToUri(ref.href());
    const refusal = outsideReferenceRefusal(target, root, settings.allowReferencesOutsideWorkspace);
    if (refusal) throw new Error(refusal);
    const text = await workspace.readFile(target);
    if (text === undefined) throw new Error(notFound(ref.href(), specText));
    return text;
  };
  const readRemote = async (ref: { href(): string }) => {
    if (!settings.allowRemoteReferences || !workspace.fetchRemote) {
      throw new Error(`remote reference ${ref.href()} not fetched (set specgate.allowRemoteReferences to allow it)`);
    }
    const text = await workspace.fetchRemote(ref.href());
    if (text === undefined) throw new Error(`could not fetch ${ref.href()}`);
    return text;
  };
  return new Resolver({ resolvers: { file: { resolve: readLocal }, http: { resolve: readRemote }, https: { resolve: readRemote } } });
}

/**
 * Spectral looks a `$ref` to an absolute path (`/etc/passwd`) up in the referencing file's folder
 * (json-ref-resolver strips the root), so "file not found: <folder>/etc/passwd" would puzzle the
 * reader: name the path as written and say how it was read.
 */
function notFound(href: string, specText: string): string {
  for (const m of specText.matchAll(/\$ref['"]?\s*:\s*['"]?(\/[^'"#\s,}]+)/g)) {
    const written = m[1];
    if (href !== written && href.endsWith(written)) {
      return `$ref ${written}: Spectral reads absolute paths from the referencing file's folder, and ${href} does not exist (nothing outside the workspace is read). Use a path relative to the file.`;
    }
  }
  return `file not found: ${href}`;
}

/** Runs Spectral on one document; returns diagnostics per file, since findings can sit in `$ref`'d files. */
export async function runSpectral(
  uri: string,
  text: string,
  ruleset: Ruleset,
  workspace: IWorkspace,
  settings: SpecgateSettings,
  /**
   * The document's existing parse: Spectral then uses it instead of parsing the text again. A
   * value-only parse (`isValueOnly`) leaves `uri`'s findings at 0:0 for `locatePendingRanges`.
   */
  parsed?: ParsedDocument,
  /** Checked before each rule function call: once cancelled, no rule runs and `CancelledError` is thrown. */
  token?: Cancellation,
  /** Part of the rules, when another thread runs the rest (`ruleSplit.ts`). */
  selection?: RuleSelection,
): Promise<Map<string, Diagnostic[]>> {
  const spectral = new Spectral({ resolver: createWorkspaceResolver(workspace, settings, settings.maxReferencedFiles, uri, text) });
  const prepared = useQuickUniqueEnum(useLinearOperationIdUnique(useCachedExampleValidation(withoutGuards(ruleset))));
  const selected = selectRules(token ? withGuards(prepared) : prepared, selection);
  if (!selected) return new Map();
  spectral.setRuleset(selected);
  beginExampleValidationRun();
  const source = uriToPath(uri);
  const shared = parsed && parsed.text === text ? parsed : undefined;
  const parser = shared && isValueOnly(shared) ? valueOnlyParser(shared.value)
    : shared && canShareParse(shared) ? sharedParser(shared)
    : uri.endsWith('.json') ? Parsers.Json : Parsers.Yaml;
  const document = new Document(text, parser as never, source);
  if (token) runTokens.set(document, token);
  let results: ISpectralDiagnostic[];
  try {
    results = await spectral.run(document, { ignoreUnknownFormat: true });
  } catch (e) {
    if (token?.isCancellationRequested) throw new CancelledError();
    throw e;
  }
  if (token?.isCancellationRequested) throw new CancelledError();
  const byFile = new Map<string, Diagnostic[]>();
  for (const result of results) {
    if (!isSelectedFinding(String(result.code), selection)) continue;
    const fileUri = result.source ? pathToUri(result.source) : uri;
    let list = byFile.get(fileUri);
    if (!list) byFile.set(fileUri, (list = []));
    list.push(toDiagnostic(result, ruleset));
  }
  return byFile;
}

/** Each run's token, found from the document Spectral hands every rule function. */
const runTokens = new WeakMap<object, Cancellation>();
const guardOfFunction = new WeakMap<object, unknown>();
const functionOfGuard = new WeakMap<object, unknown>();

/**
 * Every rule function of `ruleset` checks its run's token first and does nothing once it is
 * cancelled. Spectral's traversal is synchronous, so rule functions are where a run's work can be
 * skipped; the traversal itself goes on to its end, cheaply, and `runSpectral` then throws
 * `CancelledError`. Guards are put on afresh each run, after the other replacements (which
 * recognise functions by identity or name), and find their run's token through the document, so
 * runs never share one.
 */
function withGuards(ruleset: Ruleset): Ruleset {
  return replaceRuleFunctions(ruleset, (t) => (functionOfGuard.has(t.function) ? undefined : guardOf(t.function)));
}

function withoutGuards(ruleset: Ruleset): Ruleset {
  return replaceRuleFunctions(ruleset, (t) => functionOfGuard.get(t.function) as RuleFunction | undefined);
}

function guardOf(fn: RuleFunction): RuleFunction {
  let guard = guardOfFunction.get(fn) as RuleFunction | undefined;
  if (guard) return guard;
  guard = function (this: unknown, ...args: Parameters<RuleFunction>) {
    const context = args[2] as { document?: object } | undefined;
    // Not a throw: nimma would catch it, wrap it and go on with the next node anyway.
    if (context?.document && runTokens.get(context.document)?.isCancellationRequested) return undefined;
    return fn.apply(this, args);
  } as RuleFunction;
  // Spectral names the function in the error when one throws.
  Object.defineProperty(guard, 'name', { value: fn.name });
  guardOfFunction.set(fn, guard);
  functionOfGuard.set(guard, fn);
  return guard;
}

function toDiagnostic(result: ISpectralDiagnostic, ruleset: Ruleset): Diagnostic {
  const code = String(result.code);
  const rule = ruleset.rules[code];
  const href = rule?.documentationUrl ?? (code.startsWith('oas') || code.startsWith('operation-') || code.startsWith('info-') ? `${SPECTRAL_DOCS}#${code}` : undefined);
  return {
    range: result.range,
    severity: (result.severity + 1) as Diagnostic['severity'],
    code,
    ...(href ? { codeDescription: { href } } : {}),
    // Editors' filters and SARIF consumers tell the engines apart by source.
    source: 'spectral',
    message: result.message,
    data: { engine: 'spectral', path: result.path },
  };
}
