// Temporary folders and language servers of one test file, shut down and removed after its tests.
import { after } from 'node:test';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { LspSession } from './lspClient';

export function scratch(): { tempDir(prefix: string): Promise<string>; keep(...sessions: LspSession[]): void } {
  const sessions: LspSession[] = [];
  const dirs: string[] = [];
  after(async () => {
    for (const s of sessions) await s.shutdown();
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });
  return {
    async tempDir(prefix) {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    keep(...kept) {
      sessions.push(...kept);
    },
  };
}
