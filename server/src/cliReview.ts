/**
 * `specgate review --base <gitref> [dirs...] --format json|markdown|github`: what a pull request
 * changes in each API, and who must review it (owners) or be asked (consumer teams).
 */
import * as path from 'path';
import { createLanguageService } from './engine/languageService';
import { mergeSettings } from './engine/settings';
import { pathToUri } from './engine/uri';
import { NodeWorkspace } from './node/nodeWorkspace';
import { expandPatterns } from './cli';
import { changeLine, parseGovernanceArgs, relativeFile, snapshotOfFiles } from './cliGovernance';
import { crossApiDiagnostics, governanceSnapshot } from './engine/catalog/governance';
import { buildReview, formatReview, REVIEW_FORMATS, ReviewApi, ReviewChange, ReviewFinding } from './engine/catalog/reviewReport';
import { parseDocument, ParsedDocument } from './engine/document/parsedDocument';
import { changeDocUrl } from './engine/diff';
import { severityName } from './engine/report/lintReport';
import type { Diagnostic } from 'vscode-languageserver-types';
import { UsageError } from './cliErrors';

export async function reviewCommand(argv: string[], out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  const args = parseGovernanceArgs(argv, REVIEW_FORMATS, 'markdown');
  if (args.base === undefined) throw new UsageError('review needs --base <gitref>');
  const base = args.base;
  const cwd = process.cwd();
  const { files } = await expandPatterns(args.dirs, cwd);
  const workspace = new NodeWorkspace([pathToUri(cwd)], { trusted: true });
  const settings = mergeSettings({ baseline: base, spectralEnabled: false });
  const service = createLanguageService({ workspace, getSettings: () => settings });
  const snapshot = await snapshotOfFiles(files, cwd, workspace, service);

  const probe = pathToUri(path.join(cwd, '.specgate-probe'));
  if (!(await workspace.git.resolveRef(probe, base))) {
    const r = await workspace.git.readFileAt(probe, base);
    throw new UsageError(r.kind === 'ok' ? `git revision ${base} does not resolve` : r.message);
  }
  const baseTexts = new Map<string, string | undefined>();
  /** The file at the base; undefined when it did not exist there (or cannot be read). */
  const textAtBase = async (uri: string) => {
    if (!baseTexts.has(uri)) {
      const r = await workspace.git.readFileAt(uri, base);
      baseTexts.set(uri, r.kind === 'ok' ? r.text : undefined);
    }
    return baseTexts.get(uri);
  };
  const baseSnapshot = await governanceSnapshot({
    folders: [pathToUri(cwd)],
    catalogFiles: [],
    specFiles: snapshot.apis.map((a) => a.uri),
    readText: textAtBase,
    getParsed: async (uri) => {
      const text = await textAtBase(uri);
      return text === undefined ? undefined : parseDocument(uri, text);
    },
  });
  const findingsNow = crossApiDiagnostics(snapshot, settings);
  const findingsBefore = crossApiDiagnostics(baseSnapshot, settings);

  const parsedNow = new Map<string, ParsedDocument>();
  const parseNow = (uri: string) => {
    if (!parsedNow.has(uri)) {
      const doc = snapshot.documents.get(uri);
      if (doc) parsedNow.set(uri, doc);
    }
    return parsedNow.get(uri);
  };
  const apis: ReviewApi[] = [];
  for (const api of snapshot.catalog.apis) {
    const doc = api.file ? snapshot.documents.get(api.file) : undefined;
    if (!doc) continue;
    const before = await textAtBase(doc.uri);
    const analysis = await service.getBreakingAnalysis(doc);
    if (before !== undefined && before === doc.text && (analysis.result?.changes.length ?? 0) === 0) continue;
    const consumers = api.consumers;
    const changes: ReviewChange[] = analysis.changes.flatMap((c) => (c.level === 'non-breaking' ? [] : [{
      api: api.name,
      owner: api.owner ?? null,
      consumers,
      id: c.id,
      level: c.level,
      message: c.message,
      ...(c.operation ? { operation: c.operation } : {}),
      file: relativeFile(c.uri, cwd),
      line: changeLine(c, parseNow),
      docs: changeDocUrl(c.id),
      ...(c.workflows?.length ? { workflows: c.workflows.map((w) => ({ file: relativeFile(w.arazzoUri, cwd), workflowId: w.workflowId, stepId: w.stepId, reason: w.reason })) } : {}),
      ...(c.escalatedFrom ? { escalatedFrom: c.escalatedFrom } : {}),
    }]));
    const current = [...((await service.getFastDiagnosticsByFile(doc)).get(doc.uri) ?? []), ...(findingsNow.get(doc.uri) ?? [])];
    const previous = before === undefined ? [] : [
      ...((await service.getFastDiagnosticsByFile(service.getDocument(doc.uri, before, -1))).get(doc.uri) ?? []),
      ...(findingsBefore.get(doc.uri) ?? []),
    ];
    apis.push({
      name: api.name,
      file: relativeFile(doc.uri, cwd),
      status: before === undefined ? 'added' : 'changed',
      owner: api.owner ?? null,
      codeowners: api.codeowners,
      consumers,
      changes,
      newFindings: newFindings(current, previous, relativeFile(doc.uri, cwd)),
    });
  }
  const review = buildReview(base, apis);
  out.write(formatReview(review, args.format));
  if (review.summary.breaking > 0) err.write(`specgate: ${review.summary.breaking} unaccepted breaking change(s); ask ${review.reviewers.join(', ') || 'the owners'}\n`);
  return review.summary.breaking > 0 ? 1 : 0;
}

/** Findings whose rule and message did not exist at the base (so moved lines are not "new"). */
function newFindings(current: Diagnostic[], previous: Diagnostic[], file: string): ReviewFinding[] {
  const seen = new Map<string, number>();
  for (const d of previous) seen.set(`${d.code}|${d.message}`, (seen.get(`${d.code}|${d.message}`) ?? 0) + 1);
  const out: ReviewFinding[] = [];
  for (const d of current) {
    const key = `${d.code}|${d.message}`;
    const left = seen.get(key) ?? 0;
    if (left > 0) {
      seen.set(key, left - 1);
      continue;
    }
    out.push({ code: String(d.code), severity: severityName(d), message: String(d.message), file, line: d.range.start.line + 1 });
  }
  return out;
}

