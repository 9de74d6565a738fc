import { promises as fs } from 'fs';
import { glob } from 'tinyglobby';
import { FileChangeEmitter, type DirectoryEntry, type Disposable, type FileChange, type IGit, type IWorkspace } from '../engine/workspace';
import { pathToUri, uriToPath } from '../engine/uri';
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
  private readonly changes = new FileChangeEmitter();

  /** Reports changes the host observed (watched files, buffer open/edit/close) to every listener. */
  fireChanges(changes: readonly FileChange[]): void {
    this.changes.fire(changes);
  }

  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): Disposable {
    return this.changes.on(listener);
  }

  /** Files and directories; symbolic links are skipped so a walk cannot loop. */
  async readDirectory(uri: string): Promise<DirectoryEntry[] | undefined> {
    if (!uri.startsWith('file://')) return undefined;
    try {
      const entries = await fs.readdir(uriToPath(uri), { withFileTypes: true });
      const out: DirectoryEntry[] = [];
      for (const e of entries) {
        if (e.isFile()) out.push({ name: e.name, type: 'file' });
        else if (e.isDirectory()) out.push({ name: e.name, type: 'directory' });
      }
      return out;
    } catch {
      return undefined;
    }
  }

  async readFileBytes(uri: string, maxBytes = Infinity): Promise<Uint8Array | undefined> {
    const open = this.buffers?.get(uri);
    // A prefix of maxBytes characters encodes to at least maxBytes bytes: never encode a whole large buffer for a sniff.
    if (open) return Buffer.from(maxBytes === Infinity ? open.getText() : open.getText().slice(0, maxBytes)).subarray(0, maxBytes);
    if (!uri.startsWith('file://')) return undefined;
    let handle: fs.FileHandle | undefined;
    try {
      handle = await fs.open(uriToPath(uri), 'r');
      if (maxBytes === Infinity) {
        const { size } = await handle.stat();
        if (size > MAX_READ_BYTES) return undefined;
        return await handle.readFile();
      }
      const buffer = Buffer.alloc(maxBytes);
      const { bytesRead } = await handle.read(buffer, 0, maxBytes, 0);
      return buffer.subarray(0, bytesRead);
    } catch {
      return undefined;
    } finally {
      await handle?.close();
    }
  }

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

  /** Workspace files with these extensions, skipping dependency and VCS folders. */
  async listFiles(extensions: string[]): Promise<string[]> {
    const patterns = extensions.map((ext) => `**/*${ext}`);
    const found: string[] = [];
    for (const folder of this.folders) {
      if (!folder.startsWith('file://')) continue;
      const files = await glob(patterns, { cwd: uriToPath(folder), absolute: true, dot: false, ignore: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/out/**'] });
      found.push(...files.slice(0, 20_000).map(pathToUri));
    }
    return [...new Set(found)];
  }

  async fetchRemote(uri: string): Promise<string | undefined> {
    const response = await fetch(uri, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) return undefined;
    return response.text();
  }
}
