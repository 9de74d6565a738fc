import type { Diagnostic } from 'vscode-languageserver-types';
import { withSuppressions } from '../languageFeatures/diagnostics';
import { clampToText } from '../languageFeatures/clampRanges';

/**
 * One file's findings from every layer (and every root document that reaches the file), as
 * both the editor and the CLI report them: duplicates dropped (the same rule at the same place
 * with the same message, e.g. from two roots sharing a `$ref`'d file), `# specgate-disable-next-line`
 * applied and ranges clamped into the text when it is known, sorted by position (stable: layer
 * order breaks ties).
 */
export function mergeFindings(layers: readonly (readonly Diagnostic[] | undefined)[], text: string | undefined): Diagnostic[] {
  const unique = dedupe(layers.flatMap((list) => list ?? []));
  return sortDiagnostics(text === undefined ? unique : clampToText(withSuppressions({ text }, unique), text));
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.code}|${d.range.start.line}:${d.range.start.character}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
