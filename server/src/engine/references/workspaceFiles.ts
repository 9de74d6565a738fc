import { parseDocument, type ParsedDocument } from '../document/parsedDocument';
import type { IWorkspace } from '../workspace';
import type { OtherFiles } from './renameEdits';
import type { GuideTexts } from '../rules/docs/renameInGuides';
import { isGuide } from '../rules/docs/docsFiles';

export const SPEC_EXTENSIONS = ['.yaml', '.yml', '.json'];
const MAX_TEXT = 8 * 1024 * 1024;

/**
 * Workspace files (other than `selfUri`) that may reference a name: listed once, read and parsed
 * only when their text contains the name. `parse` lets the caller reuse its cached parses.
 */
export function workspaceFiles(
  workspace: IWorkspace,
  selfUri: string,
  parse: (uri: string, text: string) => ParsedDocument = (uri, text) => parseDocument(uri, text),
): OtherFiles {
  let listed: Promise<string[]> | undefined;
  const texts = new Map<string, Promise<string | undefined>>();
  const specFiles: OtherFiles = async (needle) => {
    listed ??= workspace.listFiles ? workspace.listFiles(SPEC_EXTENSIONS).catch(() => []) : Promise.resolve([]);
    const out: ParsedDocument[] = [];
    for (const uri of await listed) {
      if (uri === selfUri) continue;
      let text = texts.get(uri);
      if (!text) texts.set(uri, (text = workspace.readFile(uri).catch(() => undefined)));
      const t = await text;
      if (t === undefined || t.length > MAX_TEXT || !t.includes(needle)) continue;
      const doc = parse(uri, t);
      if (doc.value !== undefined && doc.problems.length === 0) out.push(doc);
    }
    return out;
  };
  specFiles.guides = markdownGuides(workspace, selfUri);
  return specFiles;
}

/** The workspace's Markdown guides (default selection) whose text contains a name, for renames. */
function markdownGuides(workspace: IWorkspace, specUri: string): GuideTexts {
  let listed: Promise<string[]> | undefined;
  return async (needle) => {
    listed ??= workspace.listFiles ? workspace.listFiles(['.md', '.markdown']).catch(() => []) : Promise.resolve([]);
    const out: Array<{ uri: string; text: string }> = [];
    for (const uri of await listed) {
      if (!isGuide(uri, workspace.folders, [specUri], { include: [], exclude: [] })) continue;
      const text = await workspace.readFile(uri).catch(() => undefined);
      if (text !== undefined && text.length <= MAX_TEXT && text.includes(needle)) out.push({ uri, text });
    }
    return out;
  };
}
