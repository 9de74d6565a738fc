import type { OtherFiles } from '../../references/renameEdits';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';
import type { GuideTexts } from './renameInGuides';
import { isGuide } from './docsFiles';

const MAX_TEXT = 8 * 1024 * 1024;

/**
 * Renames reach the Markdown guides: the index's Markdown files (default selection) that mention a name.
 * The guides are listed and read once per `otherFiles` (one request): a fix-all asks for a name per fix.
 */
export function withGuides(otherFiles: OtherFiles, index: WorkspaceIndex, specUri: string, folders: readonly string[]): OtherFiles {
  let snapshot: Promise<Array<{ uri: string; text: string }>> | undefined;
  const read = async () => {
    await (index.rediscover?.() ?? index.ready());
    const out: Array<{ uri: string; text: string }> = [];
    for (const { uri } of index.files('markdown')) {
      if (!isGuide(uri, folders, [specUri], { include: [], exclude: [] })) continue;
      const text = await index.getText(uri).catch(() => undefined);
      if (text !== undefined && text.length <= MAX_TEXT) out.push({ uri, text });
    }
    return out;
  };
  const guides: GuideTexts = async (needle) => (await (snapshot ??= read())).filter((g) => g.text.includes(needle));
  otherFiles.guides = guides;
  return otherFiles;
}
