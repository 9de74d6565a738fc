import { test, mock } from 'node:test';
import assert from 'node:assert/strict';
import { BaselineFollower, BASELINE_POLL_MS, NO_BASELINE_COMMIT } from '../../server/src/lsp/baselineFollower';
import type { IGit } from '../../server/src/engine/workspace';

// Issue 9: "a git process per folder every second" (in fact one per open spec per second).
// Counted with a git that records every resolveRef: five open specs in one workspace folder.
function setUp() {
  let head = 'c1';
  const calls: string[] = [];
  const git: IGit = {
    readFileAt: async () => ({ kind: 'error', message: 'unused' }),
    resolveRef: async (uri) => { calls.push(uri); return head; },
  };
  const analysed = new Map<string, string | undefined>(['a', 'b', 'c', 'd', 'e'].map((n) => [`file:///ws/${n}.yaml`, 'c1']));
  const moved: string[] = [];
  const follower = new BaselineFollower({
    git,
    ref: () => 'HEAD',
    analysed: () => analysed,
    folderOf: () => 'file:///ws',
    moved: (uri) => { moved.push(uri); analysed.delete(uri); },
    record: (uri, commit) => analysed.set(uri, commit),
  });
  return { follower, calls, moved, analysed, commit: (c: string) => { head = c; } };
}

test('with file events: no git process while nothing changes, one per folder when .git/HEAD changes', async () => {
  const { follower, calls, moved, commit } = setUp();
  await follower.onFileChanges([{ uri: 'file:///ws/a.yaml', type: 'changed' }, { uri: 'file:///ws/notes.md', type: 'created' }]);
  assert.equal(calls.length, 0);
  await follower.onFileChanges([{ uri: 'file:///ws/.git/HEAD', type: 'changed' }]);
  assert.deepEqual([calls.length, moved.length], [1, 0], 'one lookup for the folder; HEAD did not move');
  commit('c2');
  await follower.onFileChanges([{ uri: 'file:///ws/.git/refs/heads/main', type: 'changed' }]);
  assert.equal(calls.length, 2, 'one per folder, not one per spec');
  assert.equal(moved.length, 5, 'every spec of the folder is analysed again');
});

test('without file events: a slow poll, one git process per folder per interval', async () => {
  mock.timers.enable({ apis: ['setInterval'] });
  try {
    const { follower, calls } = setUp();
    follower.startPolling();
    mock.timers.tick(BASELINE_POLL_MS * 3);
    await new Promise((resolve) => setImmediate(resolve));
    follower.stopPolling();
    assert.equal(calls.length, 3, 'three intervals, one folder: 3 (the old poll made 5 per second)');
  } finally {
    mock.timers.reset();
  }
});

test('a spec analysed without a baseline (untracked, refused) is recorded, not re-analysed, while HEAD stays', async () => {
  const { follower, moved, analysed, commit } = setUp();
  analysed.set('file:///ws/new.yaml', NO_BASELINE_COMMIT);
  await follower.check();
  await follower.check();
  assert.equal(moved.length, 0, 'idle: nothing analysed again');
  assert.equal(analysed.get('file:///ws/new.yaml'), 'c1');
  commit('c2');
  await follower.check();
  assert.ok(moved.includes('file:///ws/new.yaml'), 'a moved HEAD still refreshes it');
});
