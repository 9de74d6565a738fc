import { execFileSync } from 'child_process';

/** The git work tree holding `dir`, or `dir` itself: the CLI's workspace, which `$ref`s may not leave. */
export function repositoryRoot(dir: string): string {
  try {
    const top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
    return top || dir;
  } catch {
    return dir;
  }
}
