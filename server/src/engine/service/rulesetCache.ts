import type { IWorkspace } from '../workspace';
import type { SpecgateSettings } from '../settings';
import type { WorkspaceIndex } from '../workspace/workspaceIndex';
import { findRulesetFile, getDefaultRuleset, type LoadedRuleset, loadRuleset } from '../spectral/rulesetLoader';

/**
 * Loaded Spectral rulesets, one per ruleset file and text: a load (or a failure) is reused until the
 * file changes, so a broken ruleset is bundled once, not by every layer of every lint, and fixing it
 * takes effect at once even in clients that send no file-watch events.
 */
export class RulesetCache {
  private readonly loaded = new Map<string, Promise<LoadedRuleset>>();

  constructor(
    private readonly workspace: IWorkspace,
    private readonly index: WorkspaceIndex & { isReady(): boolean },
    private readonly settings: () => SpecgateSettings,
    private readonly fileChangesReported: (() => boolean) | undefined,
  ) {}

  async forDocument(uri: string): Promise<LoadedRuleset> {
    const s = this.settings();
    // With change events the index knows every ruleset file: no probing per keystroke.
    const known = this.fileChangesReported?.() && this.index.isReady() ? new Set(this.index.files('ruleset').map((f) => f.uri)) : undefined;
    const file = await findRulesetFile(this.workspace, uri, s, known);
    const text = file ? await this.index.getText(file) : '';
    const key = `${file ?? '<default>'}|${this.workspace.isTrusted()}|${s.allowRemoteReferences}|${text ?? ''}`;
    let pending = this.loaded.get(key);
    if (!pending) {
      pending = file ? loadRuleset(this.workspace, file, s) : Promise.resolve({ ruleset: getDefaultRuleset(), styleRules: {} });
      pending.catch(() => undefined);
      // One entry per ruleset file: older texts of it are gone for good.
      for (const old of this.loaded.keys()) if (old.startsWith(`${file ?? '<default>'}|`)) this.loaded.delete(old);
      this.loaded.set(key, pending);
    }
    return pending;
  }

  /** The built-in style guide's configuration from the ruleset (empty when it does not load). */
  async styleConfig(uri: string): Promise<LoadedRuleset['styleRules']> {
    try {
      return (await this.forDocument(uri)).styleRules;
    } catch {
      return {};
    }
  }

  clear(): void {
    this.loaded.clear();
  }
}
