/** Renders a diff result as text, JSON, a markdown changelog, SARIF 2.1.0 or GitHub annotations. */
import { changeDocUrl, changeRegistry } from './registry';
import type { Change, ChangeLevel, DiffResult } from './types';
import { sarifRelativeUri } from '../report/lintReport';

export type DiffFormat = 'text' | 'json' | 'markdown' | 'sarif' | 'github';

export interface FormatOptions {
  baseLabel?: string;
  revisionLabel?: string;
  /** Where change docs live; defaults to the repository's docs/changes/. */
  docsBaseUrl?: string;
  /** Path shown for a file URI (e.g. relative to the workspace); defaults to the URI's path. */
  fileLabel?: (uri: string) => string;
  /** 1-based line and column of a pointer, when the caller has the source at hand. */
  /** Line and column of a change; `change` lets a locator anchor removals through the diff's pairing. */
  locate?: (uri: string, pointer: string, change?: Change) => { line: number; column: number } | undefined;
}

const LEVELS: ChangeLevel[] = ['breaking', 'potentially-breaking', 'non-breaking'];
const HEADINGS: Record<ChangeLevel, string> = {
  breaking: 'Breaking changes',
  'potentially-breaking': 'Potentially breaking changes',
  'non-breaking': 'Non-breaking changes',
};

export function formatDiff(result: DiffResult, format: DiffFormat, opts: FormatOptions = {}): string {
  switch (format) {
    case 'json':
      return formatJson(result, opts);
    case 'markdown':
      return formatMarkdown(result, opts);
    case 'sarif':
      return formatSarif(result, opts);
    case 'github':
      return formatGithub(result, opts);
    default:
      return formatText(result, opts);
  }
}

const docUrl = (id: string, opts: FormatOptions) => (opts.docsBaseUrl ? `${opts.docsBaseUrl.replace(/\/?$/, '/')}${id}.md` : changeDocUrl(id));
const fileOf = (uri: string, opts: FormatOptions) => (opts.fileLabel ? opts.fileLabel(uri) : uri.startsWith('file://') ? decodeURIComponent(uri.slice('file://'.length)) : uri);
const total = (r: DiffResult) => r.summary.breaking + r.summary.potentiallyBreaking + r.summary.nonBreaking;
const counts = (r: DiffResult) =>
  `${r.summary.breaking} breaking, ${r.summary.potentiallyBreaking} potentially breaking, ${r.summary.nonBreaking} non-breaking`;

function semverLine(r: DiffResult): string {
  const s = r.semver;
  const versions = s.baseVersion !== undefined && s.revisionVersion !== undefined ? ` (info.version ${s.baseVersion} -> ${s.revisionVersion}: ${s.sufficient ? 'sufficient' : 'not sufficient'})` : '';
  return `Required version bump: ${s.required}${versions}`;
}

function formatJson(r: DiffResult, opts: FormatOptions): string {
  const changes = r.changes.map((c) => {
    const out: Record<string, unknown> = { id: c.id, level: c.level };
    if (c.operation !== undefined) out.operation = c.operation;
    // Adapters that know a working directory label files relative to it, as every CLI format does.
    Object.assign(out, { pointer: c.pointer, side: c.side, message: c.message }, opts.fileLabel ? { file: opts.fileLabel(c.uri) } : { uri: c.uri });
    if (c.escalatedFrom) out.escalatedFrom = c.escalatedFrom;
    if (c.workflows) out.workflows = c.workflows.map((w) => ({ file: fileOf(w.arazzoUri, opts), workflowId: w.workflowId, stepId: w.stepId, reason: w.reason }));
    return out;
  });
  return JSON.stringify({ changes, summary: r.summary, semver: r.semver.required }, null, 2) + '\n';
}

function formatText(r: DiffResult, opts: FormatOptions): string {
  const head = opts.baseLabel || opts.revisionLabel ? `${opts.baseLabel ?? 'base'} -> ${opts.revisionLabel ?? 'revision'}\n` : '';
  if (r.changes.length === 0) return `${head}No changes.\n${semverLine(r)}\n`;
  const lines = r.changes.map((c) => `${c.level.padEnd(20)} ${c.id}${c.operation ? `  ${c.operation}` : ''}\n${' '.repeat(21)}${c.message}\n${' '.repeat(21)}at ${c.side} ${c.pointer || '/'}`);
  return `${head}${lines.join('\n')}\n\n${total(r)} changes: ${counts(r)}\n${semverLine(r)}\n`;
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

const escapeMd = (s: string) => s.replace(/([|`*_<>])/g, '\\$1');

function formatMarkdown(r: DiffResult, opts: FormatOptions): string {
  const out: string[] = ['# API changes', ''];
  if (opts.baseLabel || opts.revisionLabel) out.push(`Comparing \`${opts.baseLabel ?? 'base'}\` with \`${opts.revisionLabel ?? 'revision'}\`.`, '');
  out.push(`**${counts(r)}.** ${semverLine(r)}.`, '');
  if (r.changes.length === 0) out.push('No changes.', '');
  for (const level of LEVELS) {
    const changes = r.changes.filter((c) => c.level === level);
    if (changes.length === 0) continue;
    out.push(`## ${HEADINGS[level]} (${changes.length})`, '');
    for (const [operation, list] of groupBy(changes, (c) => c.operation ?? '')) {
      out.push(`### ${operation ? `\`${operation}\`` : 'Whole API'}`, '');
      for (const c of list) out.push(`- ${escapeMd(c.message)} ([${c.id}](${docUrl(c.id, opts)}))`);
      out.push('');
    }
  }
  return out.join('\n');
}

const SARIF_LEVEL: Record<ChangeLevel, 'error' | 'warning' | 'note'> = { breaking: 'error', 'potentially-breaking': 'warning', 'non-breaking': 'note' };

function formatSarif(r: DiffResult, opts: FormatOptions): string {
  const ids = [...new Set(r.changes.map((c) => c.id))];
  const rules = ids.map((id) => {
    const rule = changeRegistry.get(id);
    return {
      id,
      shortDescription: { text: rule?.title ?? id },
      fullDescription: { text: rule ? `${rule.description} Who breaks: ${rule.whoBreaks} What to do: ${rule.whatToDo}` : id },
      helpUri: docUrl(id, opts),
      defaultConfiguration: { level: SARIF_LEVEL[rule?.level ?? 'non-breaking'] },
    };
  });
  const results = r.changes.map((c) => {
    const region = opts.locate?.(c.uri, c.pointer, c);
    const physicalLocation: Record<string, unknown> = {
      artifactLocation: opts.fileLabel ? { uri: sarifRelativeUri(opts.fileLabel(c.uri)), uriBaseId: '%SRCROOT%' } : { uri: c.uri },
    };
    if (region) physicalLocation.region = { startLine: region.line, startColumn: region.column };
    return {
      ruleId: c.id,
      ruleIndex: ids.indexOf(c.id),
      level: SARIF_LEVEL[c.level],
      message: { text: c.operation ? `${c.operation}: ${c.message}` : c.message },
      locations: [{ physicalLocation, logicalLocations: [{ fullyQualifiedName: c.pointer || '/', kind: 'member' }] }],
      properties: { pointer: c.pointer, side: c.side, operation: c.operation },
    };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'specgate', informationUri: 'https://github.com/specgate/specgate', rules } }, results }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** GitHub workflow commands escape %, CR and LF in data, plus : and , in properties. */
const ghData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProp = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const GH_COMMAND: Record<ChangeLevel, string> = { breaking: 'error', 'potentially-breaking': 'warning', 'non-breaking': 'notice' };

function formatGithub(r: DiffResult, opts: FormatOptions): string {
  const lines = r.changes.map((c) => {
    const props = [`file=${ghProp(fileOf(c.uri, opts))}`];
    const at = opts.locate?.(c.uri, c.pointer, c);
    if (at) props.push(`line=${at.line}`, `col=${at.column}`);
    props.push(`title=${ghProp(`${c.id}${c.operation ? ` (${c.operation})` : ''}`)}`);
    return `::${GH_COMMAND[c.level]} ${props.join(',')}::${ghData(`${c.message} [${c.side} ${c.pointer || '/'}] ${docUrl(c.id, opts)}`)}`;
  });
  lines.push(`${total(r)} changes: ${counts(r)}. ${semverLine(r)}`);
  return lines.join('\n') + '\n';
}
