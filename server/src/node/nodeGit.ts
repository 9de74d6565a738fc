import { execFile } from 'child_process';
import * as path from 'path';
import type { GitFileResult, IGit } from '../engine/workspace';
import { uriToPath } from '../engine/uri';

const SAFE_REF = /^(?!-)[A-Za-z0-9._\/@{}^~+-]{1,200}$/;

interface ExecResult { code: number | null; stdout: string; stderr: string; missing?: boolean }

/** Runs git without a shell; arguments are passed as an array, never interpolated. */
function git(cwd: string, args: string[], maxBuffer = 256 * 1024 * 1024): Promise<ExecResult> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, maxBuffer, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, (error, stdout, stderr) => {
      const err = error as (NodeJS.ErrnoException & { code?: number | string }) | null;
      if (err && err.code === 'ENOENT') resolve({ code: null, stdout: '', stderr: '', missing: true });
      else resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

export function isSafeRef(ref: string): boolean {
  return SAFE_REF.test(ref) && !ref.includes('..');
}

/** How long a resolved ref is reused: every hover and code action asks, and spawning git from a
 * server holding a large spec costs tens of milliseconds. Short enough that a commit or checkout
 * is seen by the next baseline poll. */
const RESOLVE_TTL_MS = 300;

export class NodeGit implements IGit {
  private readonly resolved = new Map<string, { at: number; commit: Promise<string | undefined> }>();

  async resolveRef(uri: string, ref: string): Promise<string | undefined> {
    if (!isSafeRef(ref)) return undefined;
    const dir = path.dirname(uriToPath(uri));
    const key = `${dir}\0${ref}`;
    const cached = this.resolved.get(key);
    if (cached && Date.now() - cached.at < RESOLVE_TTL_MS) return cached.commit;
    const commit = git(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).then((r) => (r.code === 0 ? r.stdout.trim() : undefined));
    this.resolved.set(key, { at: Date.now(), commit });
    if (this.resolved.size > 1000) this.resolved.clear();
    return commit;
  }

  async readFileAt(uri: string, ref: string): Promise<GitFileResult> {
    if (!isSafeRef(ref)) return { kind: 'error', message: `Refusing git revision "${ref}": it is not a plain ref name.` };
    const file = uriToPath(uri);
    const dir = path.dirname(file);
    const top = await git(dir, ['rev-parse', '--show-toplevel']);
    if (top.missing) return { kind: 'no-git', message: 'git is not installed or not on PATH: breaking-change checks are off.' };
    if (top.code !== 0) return { kind: 'not-a-repo', message: 'This folder is not a git repository: there is no baseline to compare with.' };
    const commit = await this.resolveRef(uri, ref);
    if (!commit) {
      const shallow = await git(dir, ['rev-parse', '--is-shallow-repository']);
      if (shallow.stdout.trim() === 'true') {
        return { kind: 'shallow-missing-ref', message: `This clone is shallow and does not contain ${ref}: fetch more history (git fetch --unshallow) to compare with it.` };
      }
      return { kind: 'missing-ref', message: `The git revision ${ref} does not exist in this repository${ref === 'HEAD' ? ' (no commits yet)' : ''}.` };
    }
    const relative = path.relative(top.stdout.trim(), file).split(path.sep).join('/');
    const shown = await git(dir, ['show', `${commit}:${relative}`]);
    if (shown.code !== 0) return { kind: 'untracked', message: `${relative} is not in ${ref}: it is new, so there is no baseline for it yet.` };
    return { kind: 'ok', text: shown.stdout, revision: commit };
  }
}
