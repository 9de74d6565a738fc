/**
 * Precision of the built-in style guide on the public specs of issue 10 (fetched from npm as the sweep
 * does): the known false-positive classes stay absent and known true positives stay present.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'fs';
import { noiseTableSpecs } from '../helpers/realSpecs';
import { runStyleRules, type StyleFinding } from '../../server/src/engine/style/registry';
import type { SpecFormat } from '../../server/src/engine/style/types';

const files = noiseTableSpecs();
const cache = new Map<string, StyleFinding[]>();

function findings(spec: string): StyleFinding[] {
  let found = cache.get(spec);
  if (!found) {
    const doc = JSON.parse(readFileSync(files[spec], 'utf8'));
    const format: SpecFormat = doc.swagger ? 'oas2' : String(doc.openapi).startsWith('3.1') ? 'oas3.1' : 'oas3.0';
    found = runStyleRules(doc, format);
    cache.set(spec, found);
  }
  return found;
}

/** Findings of one rule on properties (or enum values, path keys) whose pointer ends with `tail`. */
const on = (spec: string, rule: string, tail: string) => findings(spec).filter((f) => f.ruleId === rule && f.pointer.endsWith(tail));

test('timestamps: durations, counts and on/off settings are not points in time; epoch numbers are a convention', () => {
  assert.deepEqual(on('DigitalOcean', 'specgate-timestamp-format', '/long_query_time'), [], 'seconds');
  assert.deepEqual(on('DigitalOcean', 'specgate-timestamp-format', '/track_commit_timestamp'), [], 'enum on/off');
  assert.deepEqual(on('Twilio', 'specgate-timestamp-format', '/average_wait_time'), [], 'integer seconds');
  assert.deepEqual(on('Stripe', 'specgate-timestamp-format', '/created'), []);
  assert.deepEqual(on('Stripe', 'specgate-timestamp-format', '/expires_at'), [], 'integer, format unix-time');
});

test('timestamps: true positives stay (GitHub string created_at without format, Asana due_at declared as a date)', () => {
  const created = on('GitHub', 'specgate-timestamp-format', '/components/schemas/webhooks_deploy_key/properties/created_at');
  assert.equal(created.length, 1);
  assert.match(created[0].message, /has no format; use type: string with format: date-time/);
  const due = on('Asana', 'specgate-timestamp-format', '/components/schemas/TaskBase/allOf/1/properties/due_at');
  assert.equal(due.length, 1);
  assert.match(due[0].message, /has format "date"/);
});

test('personal data: only properties that can carry it', () => {
  assert.deepEqual(on('Zoom', 'specgate-data-classification', '/use_html_format_email'), [], 'boolean');
  assert.deepEqual(on('Zoom', 'specgate-data-classification', '/registrants_confirmation_email'), [], 'boolean');
  assert.deepEqual(on('Plaid', 'specgate-data-classification', '/address_change_count_28d'), [], 'count');
  assert.deepEqual(on('Stripe', 'specgate-data-classification', '/billing_address_collection'), [], 'configuration enum');
  assert.deepEqual(on('GitHub', 'specgate-data-classification', '/is_old_ip_address'), [], 'boolean');
  assert.deepEqual(on('GitHub', 'specgate-data-classification', '/components/schemas/repository/properties/full_name'), [], "a repository's name");
  assert.equal(on('Stripe', 'specgate-data-classification', '/last_name_kana').length > 0, true, "a person's last name");
  assert.equal(on('GitHub', 'specgate-data-classification', '/components/schemas/simple-user/properties/email').length, 1);
});

test('enums: standard identifiers and wire constants are left alone; lowercase single words vote', () => {
  const stripeEnums = findings('Stripe').filter((f) => f.ruleId === 'specgate-enum-casing');
  assert.deepEqual(stripeEnums.map((f) => f.message), [], 'BCP 47 tags, IANA zones, model numbers');
  const github = findings('GitHub').filter((f) => f.ruleId === 'specgate-enum-casing');
  assert.ok(!github.some((f) => /reactions/.test(f.message)), 'reactions--1 keeps its meaning');
  const digitalOcean = findings('DigitalOcean').filter((f) => f.ruleId === 'specgate-enum-casing');
  assert.deepEqual(digitalOcean.map((f) => f.fix?.newName), ['new'], 'only NEW in [NEW, available, pending, deleted, retired]; openSUSE and TempTable left alone');
});

test('casing follows each document: GitHub operationIds and schema names, snake_case parameters and paths', () => {
  assert.deepEqual(findings('GitHub').filter((f) => f.ruleId === 'specgate-operation-id-casing').map((f) => f.pointer), [], 'meta/root style ids are consistent');
  for (const spec of ['Box', 'DigitalOcean', 'Stripe']) {
    assert.deepEqual(findings(spec).filter((f) => f.ruleId === 'specgate-parameter-casing' && /"[a-z]+_[a-z_]+" is not/.test(f.message)), [], `${spec}: snake_case parameters`);
  }
  // True positives: GitHub's few snake_case schema names among kebab-case ones.
  assert.ok(on('GitHub', 'specgate-schema-name-casing', '/components/schemas/webhooks_deploy_key').length === 1);
});

test('map keys are data; a path parameter is reported once, on the parameter', () => {
  assert.deepEqual(on('DigitalOcean', 'specgate-property-casing', '/registry.digitalocean.com'), []);
  assert.deepEqual(on('DigitalOcean', 'specgate-property-casing', '/pg_stat_statements.track'), []);
  for (const spec of Object.keys(files)) {
    assert.deepEqual(findings(spec).filter((f) => f.ruleId === 'specgate-path-segment-casing' && /parameter/.test(f.message)), [], spec);
  }
});

test('no rename fix produces a finding: min_last_updated_datetime becomes min_updated_at', () => {
  const [plaid] = on('Plaid', 'specgate-preferred-terms', '/AccountsBalanceGetRequestOptions/properties/min_last_updated_datetime');
  assert.equal(plaid.fix?.newName, 'min_updated_at');
  assert.match(plaid.message, /"min_updated_at"/);
  for (const spec of Object.keys(files)) {
    const renames = findings(spec).filter((f) => f.ruleId === 'specgate-preferred-terms');
    for (const f of renames) assert.ok(!/_last_updated_at"?$/.test(String(f.fix?.newName ?? '')), `${spec}: ${f.message}`);
  }
});

test('second round: embedded standards in capitals, generated ids in paths, timestamps used as keys, machines\' IP addresses', () => {
  assert.deepEqual(on('Plaid', 'specgate-property-casing', '/components/schemas/AssetReportFreddie/properties/PARTIES'), [], 'MISMO field names');
  assert.deepEqual(on('Plaid', 'specgate-property-casing', '/components/schemas/Assets/properties/ASSET'), [], 'a one-word MISMO container');
  assert.deepEqual(findings('Box').filter((f) => f.ruleId === 'specgate-path-segment-casing' && f.message.includes('6VMVochwUWo')), [], 'a template id inside a segment');
  assert.deepEqual(on('Slack', 'specgate-timestamp-format', '/stars.add/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties/timestamp'), [], '"Timestamp of the message to star": a key');
  assert.deepEqual(on('Stripe', 'specgate-data-classification', '/components/schemas/terminal.reader/properties/ip_address'), [], "a card reader's IP address");
  // True positives beside them stay: a user's device IP is personal data; camelCase in a snake_case API is a slip.
  assert.equal(on('Plaid', 'specgate-data-classification', '/components/schemas/TransferDevice/properties/ip_address').length, 1, "the customer's device");
  assert.ok(findings('Plaid').some((f) => f.ruleId === 'specgate-property-casing' && !/"[A-Z0-9_]+" is not/.test(f.message)), 'Plaid still has ordinary casing findings');
});
