import { promises as fs } from 'fs';
import type { IGit, IWorkspace } from '../engine/workspace';
import { uriToPath } from '../engine/uri';
import { NodeGit } from './nodeGit';

/** Open editor buffers, consulted before the disk so unsaved edits to `$ref`'d files count. */
export interface OpenBuffers {
  get(uri: string): { getText(): string } | undefined;
}

const MAX_READ_BYTES = 64 * 1024 * 1024;

export class NodeWorkspace implements IWorkspace {
  readonly git: IGit;
  private trusted: boolean;

  constructor(
    public folders: string[],
    options: { trusted: boolean; buffers?: OpenBuffers; git?: IGit },
  ) {
    this.trusted = options.trusted;
    this.buffers = options.buffers;
    this.git = options.git ?? new NodeGit();
  }

  private readonly buffers?: OpenBuffers;

  isTrusted(): boolean {
    return this.trusted;
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
  }

  async readFile(uri: string): Promise<string | undefined> {
    const open = this.buffers?.get(uri);
    if (open) return open.getText();
    if (!uri.startsWith('file://')) return undefined;
    try {
      const path = uriToPath(uri);
      const stat = await fs.stat(path);
      if (!stat.isFile() || stat.size > MAX_READ_BYTES) return undefined;
      return await fs.readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  }

  async fetchRemote(uri: string): Promise<string | undefined> {
    const response = await fetch(uri, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return undefined;
    return response.text();
  }
}
