import type { Diagnostic } from 'vscode-languageserver-types';
import { findingPointer, isLegacy } from '../analysis/legacy';
import { lintMarkdown } from './lintMarkdown';

export type LintFormat = 'text' | 'json' | 'sarif' | 'github' | 'markdown';
export const LINT_FORMATS: LintFormat[] = ['text', 'json', 'sarif', 'github', 'markdown'];

export type JsonSeverity = 'error' | 'warning' | 'info' | 'hint';
const JSON_SEVERITY: Record<number, JsonSeverity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export interface LintEntry {
  /** Path as shown to the user (relative to the working directory when possible). */
  file: string;
  diagnostic: Diagnostic;
}

export interface JsonFinding {
  file: string;
  range: Diagnostic['range'];
  severity: JsonSeverity;
  code: string;
  message: string;
  source: string;
  /** The JSON pointer the finding is about, when known. */
  pointer?: string;
  /** Already published in the `--since` baseline: reported at hint, never gates. */
  legacy?: true;
}

/** LSP 3.18 allows markup messages; reports are plain text. */
export function messageText(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function severityName(d: Diagnostic): JsonSeverity {
  return JSON_SEVERITY[d.severity ?? 1] ?? 'error';
}

export function formatLint(entries: LintEntry[], format: LintFormat, tool = { name: 'specgate', version: '0.1.0' }): string {
  switch (format) {
    case 'json':
      return JSON.stringify(entries.map(toJsonFinding), null, 2) + '\n';
    case 'sarif':
      return JSON.stringify(toSarif(entries, tool), null, 2) + '\n';
    case 'github':
      return entries.map(toGithubAnnotation).join('\n') + (entries.length ? '\n' : '');
    case 'markdown':
      return lintMarkdown(entries);
    default:
      return toText(entries);
  }
}

export function toJsonFinding({ file, diagnostic: d }: LintEntry): JsonFinding {
  const out: JsonFinding = { file, range: d.range, severity: severityName(d), code: String(d.code ?? ''), message: messageText(d), source: d.source ?? 'specgate' };
  const pointer = findingPointer(d);
  if (pointer !== undefined) out.pointer = pointer;
  if (isLegacy(d)) out.legacy = true;
  return out;
}

function toText(entries: LintEntry[]): string {
  if (entries.length === 0) return 'No problems found.\n';
  const lines: string[] = [];
  let currentFile = '';
  for (const { file, diagnostic: d } of entries) {
    if (file !== currentFile) {
      if (currentFile) lines.push('');
      lines.push(file);
      currentFile = file;
    }
    const pos = `${d.range.start.line + 1}:${d.range.start.character + 1}`;
    lines.push(`  ${pos.padEnd(9)} ${severityName(d).padEnd(7)} ${String(d.code ?? '').padEnd(40)} ${messageText(d)}`);
  }
  const counts = countBySeverity(entries);
  lines.push('', `✖ ${entries.length} problem${entries.length === 1 ? '' : 's'} (${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos, ${counts.hint} hints)`);
  return lines.join('\n') + '\n';
}

export function countBySeverity(entries: LintEntry[]): Record<JsonSeverity, number> {
  const counts: Record<JsonSeverity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const e of entries) counts[severityName(e.diagnostic)]++;
  return counts;
}

/** GitHub Actions workflow commands; lines and columns are 1-based there. */
function toGithubAnnotation({ file, diagnostic: d }: LintEntry): string {
  const level = d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'notice';
  const props = [
    `file=${escapeProperty(file)}`,
    `line=${d.range.start.line + 1}`,
    `col=${d.range.start.character + 1}`,
    `endLine=${d.range.end.line + 1}`,
    `endColumn=${d.range.end.character + 1}`,
    `title=${escapeProperty(String(d.code ?? 'specgate'))}`,
  ];
  return `::${level} ${props.join(',')}::${escapeData(messageText(d))}`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function toSarif(entries: LintEntry[], tool: { name: string; version: string }) {
  const rules = new Map<string, { id: string; helpUri?: string; properties: { origin: string } }>();
  for (const { diagnostic: d } of entries) {
    const id = String(d.code ?? 'specgate');
    // The driver is Specgate; each rule says which engine it comes from (built-in style guide or Spectral).
    if (!rules.has(id)) rules.set(id, { id, ...(d.codeDescription?.href ? { helpUri: d.codeDescription.href } : {}), properties: { origin: d.source ?? 'specgate' } });
  }
  const ruleIndex = new Map([...rules.keys()].map((id, i) => [id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: tool.name, version: tool.version, informationUri: 'https://github.com/specgate/specgate', rules: [...rules.values()] } },
        results: entries.map(({ file, diagnostic: d }) => ({
          ruleId: String(d.code ?? 'specgate'),
          ruleIndex: ruleIndex.get(String(d.code ?? 'specgate')),
          level: d.severity === 1 ? 'error' : d.severity === 2 ? 'warning' : 'note',
          message: { text: messageText(d) },
          properties: { source: d.source ?? 'specgate' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: sarifRelativeUri(file), uriBaseId: '%SRCROOT%' },
                region: {
                  startLine: d.range.start.line + 1,
                  startColumn: d.range.start.character + 1,
                  endLine: d.range.end.line + 1,
                  endColumn: d.range.end.character + 1,
                },
              },
            },
          ],
        })),
      },
    ],
  };
}

/** A working-directory-relative path as a SARIF relative URI reference (forward slashes, percent-encoded). */
export function sarifRelativeUri(file: string): string {
  return file.split('\\').join('/').split('/').map(encodeURIComponent).join('/');
}
