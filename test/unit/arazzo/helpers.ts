import { readFileSync, readdirSync, statSync } from 'fs';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../../server/src/engine/languageService';
import { InMemoryWorkspace } from '../../../server/src/engine/workspace';
import { mergeSettings } from '../../../server/src/engine/settings';

export const ARAZZO_FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/arazzo');
export const ROOT = 'file:///workspace';

function walk(dir: string, rel = ''): Array<[string, string]> {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full, `${rel}${name}/`) : [[`${rel}${name}`, readFileSync(full, 'utf8')] as [string, string]];
  });
}

/** The fixture workspace in memory, with `edits` applied: file → [search, replacement] pairs (each must match). */
export function fixtureWorkspace(edits: Record<string, Array<[string, string]>> = {}, extra: Record<string, string> = {}): InMemoryWorkspace {
  const files: Record<string, string> = {};
  for (const [rel, text] of walk(ARAZZO_FIXTURES)) files[`${ROOT}/${rel}`] = text;
  for (const [rel, pairs] of Object.entries(edits)) {
    let text = files[`${ROOT}/${rel}`];
    for (const [from, to] of pairs) {
      if (!text.includes(from)) throw new Error(`fixture edit: "${from}" not in ${rel}`);
      text = text.replace(from, to);
    }
    files[`${ROOT}/${rel}`] = text;
  }
  for (const [rel, text] of Object.entries(extra)) files[`${ROOT}/${rel}`] = text;
  return new InMemoryWorkspace(files, [ROOT]);
}

/** The editor's fast diagnostics of one Arazzo file in that workspace (the layer `specgate lint` also runs). */
export async function arazzoFindings(workspace: InMemoryWorkspace, file = 'checkout.arazzo.yaml', settings = {}): Promise<Array<Diagnostic & { message: string }>> {
  const service = createLanguageService({ workspace, getSettings: () => mergeSettings({ spectralEnabled: false, ...settings }) });
  const uri = `${ROOT}/${file}`;
  const doc = service.getDocument(uri, (await workspace.readFile(uri))!, 1);
  return (await service.getFastDiagnostics(doc)).filter((d) => String(d.code).startsWith("specgate-arazzo-")).map((d) => ({ ...d, message: String(d.message) }));
}

/** The text a diagnostic's range covers. */
export function covered(workspace: InMemoryWorkspace, d: Diagnostic, file = 'checkout.arazzo.yaml'): string {
  const lines = workspace.files.get(`${ROOT}/${file}`)!.split('\n');
  if (d.range.start.line !== d.range.end.line) return lines.slice(d.range.start.line, d.range.end.line + 1).join('\n');
  return lines[d.range.start.line].slice(d.range.start.character, d.range.end.character);
}
