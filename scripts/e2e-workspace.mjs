// The e2e workspace both runners open: a git repository whose committed spec is the baseline.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { join } from 'node:path';

export function createE2eWorkspace(root, ws) {
  fs.mkdirSync(ws, { recursive: true });
  fs.copyFileSync(join(root, 'test/e2e/workspace/openapi.yaml'), join(ws, 'openapi.yaml'));
  const git = (...a) => execFileSync('git', a, { cwd: ws, stdio: 'pipe' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'e2e@specgate.test');
  git('config', 'user.name', 'Specgate e2e');
  git('config', 'commit.gpgsign', 'false');
  git('add', 'openapi.yaml');
  git('commit', '-q', '-m', 'Orders API v1');
}
