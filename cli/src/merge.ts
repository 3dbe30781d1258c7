// `winsock-lint merge <reports…>`: joins the reports of --shard runs into one. SARIF: one run, results
// concatenated in the order given, rules and artifacts de-duplicated (rule and artifact indexes renumbered to
// match). JSON (ESLint's shape): the arrays concatenated, sorted by file path as a single run lists them.
// Inputs are validated (merge-validate.ts): every JSON entry an ESLint result, every SARIF index in range, the
// shard stamps of one run, each shard once, no file in two reports. Exit 0, or 2 for a report that cannot be
// read, is neither format, does not match --format, or fails validation.
import { readRegularText } from '@winsock-lint/node-host';
import { resolve } from 'node:path';
import type { MergeFormat, MergeOptions } from './args.js';
import { writeOutputFile } from './output-file.js';
import type { CliIo } from './io.js';
import {
  checkJsonReport,
  checkSarifLog,
  checkShards,
  MergeError,
  type Json,
  type JsonObject,
} from './merge-validate.js';
import { errorCode } from './notes.js';
import { SHARD_KEY } from './reporters/json.js';
import { SARIF_SHARD_PROPERTY } from './reporters/sarif.js';

export { MergeError } from './merge-validate.js';

/** A report of 300,000 findings is about 200 MB of SARIF. */
const MAX_REPORT_BYTES = 512 * 1024 * 1024;

export function runMerge(options: MergeOptions, io: CliIo): number {
  let output: string;
  try {
    const reports = options.reports.map((file) => readReport(resolve(io.cwd, file)));
    const format = options.format ?? reports[0]?.format ?? 'json';
    for (const report of reports) {
      if (report.format !== format) {
        throw new MergeError(`${report.file} is a ${report.format} report, not ${format}`);
      }
    }
    checkShards(
      reports.map((report) =>
        report.format === 'sarif'
          ? checkSarifLog(report.file, report.data as JsonObject)
          : checkJsonReport(report.file, report.data as Json[]),
      ),
    );
    output =
      format === 'sarif'
        ? JSON.stringify(mergeSarif(reports.map((r) => r.data as JsonObject)), null, 2)
        : JSON.stringify(mergeJson(reports.map((r) => r.data as Json[])));
  } catch (error) {
    if (!(error instanceof MergeError)) throw error;
    io.stderr.write(`winsock-lint: error: merge: ${error.message}\n`);
    return 2;
  }
  if (options.outputFile !== undefined) {
    const target = resolve(io.cwd, options.outputFile);
    try {
      writeOutputFile(target, `${output}\n`);
    } catch (error) {
      io.stderr.write(`winsock-lint: error: cannot write the report to ${target}: ${errorCode(error)}\n`);
      return 2;
    }
  } else {
    io.stdout.write(`${output}\n`);
  }
  return 0;
}

interface Report {
  file: string;
  format: MergeFormat;
  data: Json;
}

function readReport(file: string): Report {
  let text: string;
  try {
    text = readRegularText(file, MAX_REPORT_BYTES);
  } catch (error) {
    throw new MergeError(`cannot read ${file}: ${errorCode(error)}`);
  }
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch {
    throw new MergeError(`${file} is not JSON (merge joins --format sarif and --format json reports)`);
  }
  if (Array.isArray(data)) return { file, format: 'json', data };
  if (isObject(data) && data['version'] === '2.1.0' && Array.isArray(data['runs'])) {
    return { file, format: 'sarif', data };
  }
  throw new MergeError(`${file} is neither a SARIF 2.1.0 log nor an ESLint-style JSON array`);
}

/** The merged array, without the shards' stamps (the merged report is no shard). */
export function mergeJson(reports: readonly Json[][]): Json[] {
  const all = reports.flat().map((item) => {
    if (!isObject(item) || !(SHARD_KEY in item)) return item;
    const copy = { ...item };
    delete copy[SHARD_KEY];
    return copy;
  });
  const pathOf = (item: Json): string =>
    isObject(item) && typeof item['filePath'] === 'string' ? item['filePath'] : '';
  // Stable: files without a path keep their relative order.
  return all.sort((a, b) => (pathOf(a) < pathOf(b) ? -1 : pathOf(a) > pathOf(b) ? 1 : 0));
}

export function mergeSarif(logs: readonly JsonObject[]): JsonObject {
  const runs = logs.flatMap((log) => (log['runs'] as Json[]).filter(isObject));
  const first = runs[0];
  if (!first) throw new MergeError('the SARIF logs have no runs');
  const rules: JsonObject[] = [];
  const ruleIndex = new Map<string, number>();
  const artifacts: JsonObject[] = [];
  const artifactIndex = new Map<string, number>();
  const baseIds: JsonObject = {};
  const results: Json[] = [];
  const toolName = driverOf(first)['name'];

  for (const run of runs) {
    const driver = driverOf(run);
    if (driver['name'] !== toolName) {
      throw new MergeError(`cannot merge runs of different tools (${String(toolName)}, ${String(driver['name'])})`);
    }
    const localRules = Array.isArray(driver['rules']) ? driver['rules'].filter(isObject) : [];
    for (const rule of localRules) {
      const id = String(rule['id']);
      if (!ruleIndex.has(id)) {
        ruleIndex.set(id, rules.length);
        rules.push(rule);
      }
    }
    const bases = isObject(run['originalUriBaseIds']) ? run['originalUriBaseIds'] : {};
    for (const [name, value] of Object.entries(bases)) {
      const known = baseIds[name];
      if (known !== undefined && JSON.stringify(known) !== JSON.stringify(value)) {
        throw new MergeError(
          `the reports disagree on ${name} (${JSON.stringify(known)} vs ${JSON.stringify(value)}); ` +
            'run every shard from the same folder',
        );
      }
      baseIds[name] = value;
    }
    const localArtifacts = Array.isArray(run['artifacts']) ? run['artifacts'].filter(isObject) : [];
    const remap = localArtifacts.map((artifact) => {
      const key = JSON.stringify(artifact['location'] ?? null);
      let index = artifactIndex.get(key);
      if (index === undefined) {
        index = artifacts.length;
        artifactIndex.set(key, index);
        artifacts.push(artifact);
      }
      return index;
    });
    for (const result of Array.isArray(run['results']) ? run['results'] : []) {
      const copy = renumberArtifacts(structuredClone(result), remap);
      if (isObject(copy) && typeof copy['ruleId'] === 'string' && 'ruleIndex' in copy) {
        copy['ruleIndex'] = ruleIndex.get(copy['ruleId']) ?? -1;
      }
      results.push(copy);
    }
  }

  const base = logs[0] ?? {};
  const merged: JsonObject = {};
  for (const [key, value] of Object.entries(first)) {
    if (key === 'tool') merged[key] = { ...(value as JsonObject), driver: { ...driverOf(first), rules } };
    else if (key === 'originalUriBaseIds') merged[key] = baseIds;
    else if (key === 'artifacts') merged[key] = artifacts;
    else if (key === 'results') merged[key] = results;
    else if (key === 'automationDetails') continue;
    else if (key === 'properties' && isObject(value)) {
      const rest = { ...value };
      delete rest[SARIF_SHARD_PROPERTY];
      if (Object.keys(rest).length > 0) merged[key] = rest;
    } else merged[key] = value;
  }
  return { ...base, runs: [merged] };
}

/** Every artifactLocation.index inside `value`, mapped through `remap` (old index → merged index). */
function renumberArtifacts(value: Json, remap: readonly number[]): Json {
  if (Array.isArray(value)) return value.map((item) => renumberArtifacts(item, remap));
  if (!isObject(value)) return value;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'artifactLocation' && isObject(child) && typeof child['index'] === 'number') {
      child['index'] = remap[child['index']] ?? child['index'];
    } else {
      value[key] = renumberArtifacts(child, remap);
    }
  }
  return value;
}

function driverOf(run: JsonObject): JsonObject {
  const tool = run['tool'];
  const driver = isObject(tool) ? tool['driver'] : undefined;
  if (!isObject(driver)) throw new MergeError('a SARIF run has no tool.driver');
  return driver;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
