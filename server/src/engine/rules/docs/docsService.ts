/**
 * The docs feature behind the language service and the CLI: the APIs of the workspace (cached per
 * text of every file of each spec), which Markdown files are guides, and the diagnostics of one.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { collectExternalRefs, loadSpecGraph } from '../../refs';
import { inlineExternalRefs } from '../../refs/inline';
import type { SpecgateSettings } from '../../settings';
import { describeApi, type ApiDescription } from './apiModel';
import { isGuide, isMarkdownUri } from './docsFiles';
import { lintGuide } from './docsLint';
import { analyzeGuide, type Guide } from './guideModel';
import type { WorkspaceIndex } from '../../workspace/workspaceIndex';

export interface DocsServiceOptions {
  index: () => WorkspaceIndex;
  folders: () => readonly string[];
  settings: () => SpecgateSettings;
  /** operationIds of a spec at the git baseline (empty when there is none). */
  baselineOperationIds?: (specUri: string) => Promise<readonly string[]>;
}

export interface DocsService {
  /** Every API description in the workspace. */
  apis(): Promise<ApiDescription[]>;
  /** Whether a Markdown file is a guide (settings `specgate.docs.include` / `exclude`). */
  isGuide(uri: string): Promise<boolean>;
  /** Diagnostics of a guide; `force` checks a Markdown file the selection does not include (CLI arguments). */
  diagnostics(uri: string, text: string, force?: boolean): Promise<Diagnostic[]>;
  /** Every guide of the workspace, analyzed (for hovers and renames). */
  guides(): Promise<Guide[]>;
}

export function createDocsService(options: DocsServiceOptions): DocsService {
  /** Per spec: the texts of its files (root first) when it was described, and the description. */
  const cache = new Map<string, { uris: string[]; texts: string[]; api: ApiDescription | undefined }>();

  async function describe(uri: string): Promise<ApiDescription | undefined> {
    const index = options.index();
    const root = await index.getParsed(uri);
    if (!root?.format || root.value === undefined || root.problems.length > 0) return undefined;
    const cached = cache.get(uri);
    if (cached && cached.texts[0] === root.text) {
      const others = await Promise.all(cached.uris.slice(1).map((u) => index.getText(u)));
      if (others.every((t, i) => t === cached.texts[i + 1])) return cached.api;
    }
    const texts = [root.text];
    const uris = [uri];
    let value: unknown = root.value;
    if (collectExternalRefs(root.value, uri).length > 0) {
      const graph = await loadSpecGraph(uri, root.value, async (ref) => {
        const parsed = await index.getParsed(ref);
        if (parsed) { texts.push(parsed.text); uris.push(ref); }
        return parsed?.value;
      }, { allowRemote: false, maxFiles: options.settings().maxReferencedFiles });
      value = inlineExternalRefs(graph).value;
    }
    const api = describeApi(uri, value, root.format);
    cache.set(uri, { uris, texts, api });
    return api;
  }

  async function apis(): Promise<ApiDescription[]> {
    const index = options.index();
    await index.ready();
    const out: ApiDescription[] = [];
    for (const file of index.files('openapi')) {
      const api = await describe(file.uri).catch(() => undefined);
      if (api) out.push(api);
    }
    return out;
  }

  async function guideFilter(uri: string): Promise<boolean> {
    const index = options.index();
    await index.ready();
    const docs = options.settings().docs;
    const globs = (list: unknown) => (Array.isArray(list) ? list.filter((g): g is string => typeof g === 'string') : []);
    return isGuide(uri, options.folders(), index.files('openapi').map((f) => f.uri), { include: globs(docs?.include), exclude: globs(docs?.exclude) });
  }

  async function baselineIds(list: readonly ApiDescription[]): Promise<Set<string>> {
    const ids = new Set<string>();
    if (!options.baselineOperationIds) return ids;
    for (const api of list) for (const id of await options.baselineOperationIds(api.uri).catch(() => [])) ids.add(id);
    return ids;
  }

  return {
    apis,
    isGuide: guideFilter,
    async diagnostics(uri, text, force = false) {
      if (!isMarkdownUri(uri) || (!force && !(await guideFilter(uri)))) return [];
      const all = await apis();
      if (all.length === 0) return [];
      const guide = analyzeGuide(uri, text, all);
      return lintGuide(guide, options.settings(), await baselineIds(guide.apis ?? []));
    },
    async guides() {
      const index = options.index();
      await index.ready();
      const all = await apis();
      const out: Guide[] = [];
      for (const file of index.files('markdown')) {
        if (!(await guideFilter(file.uri))) continue;
        const text = await index.getText(file.uri);
        if (text !== undefined) out.push(analyzeGuide(file.uri, text, all));
      }
      return out;
    },
  };
}
