// What `merge` checks before joining reports: each JSON entry is an ESLint result and each SARIF result's
// ruleIndex and artifact indexes point into its run; the shards come from one run (same run id and count),
// each shard once; and no file is in two reports (the same shard twice, or shards of differently split runs).
import { SHARD_KEY } from './reporters/json.js';
import { SARIF_SHARD_PROPERTY } from './reporters/sarif.js';
import type { ShardStamp } from './shard.js';

export class MergeError extends Error {}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A validated report: its file, its shard stamp (if it has one) and the files it covers. */
export interface CheckedReport {
  file: string;
  stamp: ShardStamp | undefined;
  covers: string[];
}

export function checkJsonReport(file: string, entries: readonly Json[]): CheckedReport {
  const stamps: Json[] = [];
  entries.forEach((entry, i) => {
    const problem = eslintResultProblem(entry);
    if (problem) throw new MergeError(`${file}: entry ${i} is not an ESLint result (${problem})`);
    if (isObject(entry) && entry[SHARD_KEY] !== undefined) stamps.push(entry[SHARD_KEY]);
  });
  const texts = new Set(stamps.map((stamp) => JSON.stringify(stamp)));
  if (texts.size > 1) throw new MergeError(`${file}: its entries record different shards`);
  if (stamps.length > 0 && stamps.length !== entries.length) {
    throw new MergeError(`${file}: only some entries record a shard`);
  }
  return {
    file,
    stamp: stamps[0] === undefined ? undefined : stampOf(file, stamps[0]),
    covers: entries.map((entry) => String((entry as JsonObject)['filePath'])),
  };
}

function eslintResultProblem(entry: Json): string | undefined {
  if (!isObject(entry)) return 'not an object';
  if (typeof entry['filePath'] !== 'string') return 'no filePath string';
  const messages = entry['messages'];
  if (!Array.isArray(messages)) return 'no messages array';
  for (const key of ['errorCount', 'warningCount']) {
    if (!Number.isInteger(entry[key])) return `no ${key} integer`;
  }
  for (const [j, message] of messages.entries()) {
    if (
      !isObject(message) ||
      (message['ruleId'] !== null && typeof message['ruleId'] !== 'string') ||
      (message['severity'] !== 1 && message['severity'] !== 2) ||
      typeof message['message'] !== 'string' ||
      !Number.isInteger(message['line']) ||
      !Number.isInteger(message['column'])
    ) {
      return `message ${j} needs ruleId, severity 1 or 2, message, line and column`;
    }
  }
  return undefined;
}

export function checkSarifLog(file: string, log: JsonObject): CheckedReport {
  const runs = log['runs'] as Json[];
  let stamp: ShardStamp | undefined;
  const covers: string[] = [];
  runs.forEach((run, r) => {
    if (!isObject(run)) throw new MergeError(`${file}: run ${r} is not an object`);
    const tool = run['tool'];
    const driver = isObject(tool) ? tool['driver'] : undefined;
    const rules = isObject(driver) && Array.isArray(driver['rules']) ? driver['rules'] : [];
    const artifacts = Array.isArray(run['artifacts']) ? run['artifacts'] : [];
    const results = run['results'];
    if (results !== undefined && !Array.isArray(results))
      throw new MergeError(`${file}: run ${r} results is not an array`);
    (results ?? []).forEach((result, i) => {
      const where = `${file}: run ${r} result ${i}`;
      if (!isObject(result)) throw new MergeError(`${where} is not an object`);
      const index = result['ruleIndex'];
      if (index !== undefined) {
        const rule = Number.isInteger(index) ? rules[index as number] : undefined;
        if (!isObject(rule))
          throw new MergeError(`${where}: ruleIndex ${JSON.stringify(index)} is not a rule of the run`);
        if (typeof result['ruleId'] === 'string' && rule['id'] !== result['ruleId']) {
          throw new MergeError(
            `${where}: ruleIndex ${String(index)} is ${String(rule['id'])}, not ${result['ruleId']}`,
          );
        }
      }
      covers.push(primaryFile(result));
      for (const artifactIndex of artifactIndexes(result)) {
        if (!Number.isInteger(artifactIndex) || artifactIndex < 0 || artifactIndex >= artifacts.length) {
          throw new MergeError(`${where}: artifact index ${artifactIndex} is not an artifact of the run`);
        }
      }
    });
    const properties = run['properties'];
    const recorded = isObject(properties) ? properties[SARIF_SHARD_PROPERTY] : undefined;
    if (recorded !== undefined) stamp = stampOf(file, recorded);
  });
  return { file, stamp, covers };
}

/** The file a result is in (its first location's URI): a shard holds every result of its files. */
function primaryFile(result: JsonObject): string {
  const [location] = Array.isArray(result['locations']) ? result['locations'] : [];
  const physical = isObject(location) ? location['physicalLocation'] : undefined;
  const artifact = isObject(physical) ? physical['artifactLocation'] : undefined;
  return isObject(artifact) ? `${String(artifact['uriBaseId'] ?? '')}${String(artifact['uri'])}` : '';
}

/** Every artifactLocation.index anywhere inside a result. */
function artifactIndexes(value: Json): number[] {
  if (Array.isArray(value)) return value.flatMap(artifactIndexes);
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'artifactLocation' && isObject(child) && child['index'] !== undefined
      ? [typeof child['index'] === 'number' ? child['index'] : NaN]
      : artifactIndexes(child),
  );
}

function stampOf(file: string, value: Json): ShardStamp {
  if (
    !isObject(value) ||
    !Number.isInteger(value['index']) ||
    !Number.isInteger(value['count']) ||
    typeof value['runId'] !== 'string'
  ) {
    throw new MergeError(`${file}: its shard record is not {index, count, runId}`);
  }
  return { index: value['index'] as number, count: value['count'] as number, runId: value['runId'] };
}

/** Throws unless the reports are distinct shards of one run (or unsharded reports of distinct files). */
export function checkShards(reports: readonly CheckedReport[]): void {
  const stamped = reports.filter((report) => report.stamp !== undefined);
  const first = stamped[0];
  if (first?.stamp) {
    const unstamped = reports.find((report) => report.stamp === undefined && report.covers.length > 0);
    if (unstamped) throw new MergeError(`${unstamped.file} is not a --shard report, but ${first.file} is`);
    const seen = new Map<number, string>();
    for (const { file, stamp } of stamped) {
      if (!stamp) continue;
      if (stamp.runId !== first.stamp.runId || stamp.count !== first.stamp.count) {
        throw new MergeError(
          `${file} and ${first.file} are shards of different runs (run ${stamp.runId} ${stamp.index}/${stamp.count}, ` +
            `run ${first.stamp.runId} ${first.stamp.index}/${first.stamp.count}); merge the shards of one run`,
        );
      }
      const earlier = seen.get(stamp.index);
      if (earlier !== undefined)
        throw new MergeError(`${file} is shard ${stamp.index}/${stamp.count} again (as ${earlier})`);
      seen.set(stamp.index, file);
    }
  }
  const owner = new Map<string, string>();
  for (const { file, covers } of reports) {
    for (const covered of new Set(covers.filter((path) => path !== ''))) {
      const other = owner.get(covered);
      if (other !== undefined) {
        throw new MergeError(`${other} and ${file} both report ${covered}: the same shard twice, or overlapping runs`);
      }
      owner.set(covered, file);
    }
  }
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
