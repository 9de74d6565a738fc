import * as fs from 'node:fs';
import * as path from 'node:path';

export const GOVERNANCE_FIXTURE = path.resolve(__dirname, '../../../test/fixtures/governance');

/** Every file of the governance fixture, relative path → text (dot folders included). */
export function governanceFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[path.relative(GOVERNANCE_FIXTURE, full)] = fs.readFileSync(full, 'utf8');
    }
  };
  walk(GOVERNANCE_FIXTURE);
  return out;
}

/** Copies the fixture into `dir`, with `changes` applied (a relative path → new text, or null to delete). */
export function writeGovernanceWorkspace(dir: string, changes: Record<string, string | null> = {}): void {
  const files: Record<string, string | null> = { ...governanceFiles(), ...changes };
  for (const [rel, text] of Object.entries(files)) {
    if (text === null) continue;
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
}
