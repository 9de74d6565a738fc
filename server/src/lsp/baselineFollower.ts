import type { FileChange, IGit } from '../engine/workspace';

/** Without file events (a client that does not watch files), how often HEAD is checked. */
export const BASELINE_POLL_MS = 3000;
/**
 * The analysed commit of a spec analysed without a baseline (untracked file, refused document):
 * the next check records the commit it sees instead of re-analysing, so an idle document stays idle.
 */
export const NO_BASELINE_COMMIT = '<no baseline>';
/** With file events, a backstop for watchers that leave `.git` out (some clients exclude it). */
export const BASELINE_BACKSTOP_POLL_MS = 15_000;
const GIT_REF_FILE = /\/\.git\/(HEAD|packed-refs|refs\/.*)$/;

export interface BaselineFollowerHost {
  git: IGit;
  /** The baseline ref (`specgate.baseline`). */
  ref(): string;
  /** Open specs with the commit their breaking-change hints were computed against. */
  analysed(): ReadonlyMap<string, string | undefined>;
  /** The workspace folder of a document: specs in one folder share one repository and one lookup. */
  folderOf(uri: string): string;
  /** The baseline of `uri` moved (commit, checkout, pull, rebase): analyse it again. */
  moved(uri: string): void;
  /** Records the commit a spec analysed without a baseline was checked against. */
  record(uri: string, commit: string | undefined): void;
  /** A check finished (for `specgate/trace`). */
  checked?(): void;
}

/**
 * Follows the baseline ref as it moves, without a reload. Event-driven where the client watches
 * `.git/HEAD` and the ref files; otherwise a slow poll. Either way one git process per workspace
 * folder, not one per open document.
 */
export class BaselineFollower {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly host: BaselineFollowerHost) {}

  /** Checks when git's HEAD or a ref file changed; resolves when that check is done. */
  onFileChanges(changes: readonly FileChange[]): Promise<void> {
    return changes.some((c) => GIT_REF_FILE.test(c.uri)) ? this.check() : Promise.resolve();
  }

  startPolling(intervalMs = BASELINE_POLL_MS): void {
    this.stopPolling();
    this.timer = setInterval(() => void this.check(), intervalMs);
    this.timer.unref();
  }

  stopPolling(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Compares each open spec's analysed commit with what the ref resolves to now. */
  check(): Promise<void> {
    // One check at a time; a check asked for meanwhile runs after it (the ref may have moved again).
    const next = (this.running ?? Promise.resolve()).then(() => this.checkNow());
    this.running = next.finally(() => {
      if (this.running === next) this.running = undefined;
    });
    return next;
  }

  private async checkNow(): Promise<void> {
    const byFolder = new Map<string, string[]>();
    for (const uri of this.host.analysed().keys()) {
      const folder = this.host.folderOf(uri);
      byFolder.set(folder, [...(byFolder.get(folder) ?? []), uri]);
    }
    const ref = this.host.ref();
    for (const uris of byFolder.values()) {
      const commit = await this.host.git.resolveRef(uris[0], ref).catch(() => undefined);
      for (const uri of uris) {
        const analysed = this.host.analysed();
        if (analysed.get(uri) === NO_BASELINE_COMMIT) this.host.record(uri, commit);
        else if (analysed.has(uri) && analysed.get(uri) !== commit) this.host.moved(uri);
      }
    }
    this.host.checked?.();
  }
}
