// SARIF 2.1.0 output (GitHub code scanning, Azure DevOps, VS Code's SARIF viewer): one run whose driver lists
// every rule's metadata, one result per finding with 1-based UTF-16 regions, related locations, automatic fixes
// as replacements and a fingerprint that survives code moving to another line. Pure.
import { createHash } from 'node:crypto';
import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  LineIndex,
  UNUSED_SUPPRESSION_DESCRIPTION,
  UNUSED_SUPPRESSION_ID,
  findingDocsUrl,
  ruleMetas,
  toOneBased,
} from '@winsock-lint/rules';
import type { Finding, Fix, Range, RuleMeta } from '../engine-types.js';
import type { ShardStamp } from '../shard.js';
import type { ReportFile } from './report-types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const TOOL_NAME = 'winsock-lint';
export const TOOL_INFORMATION_URI = 'https://github.com/winsock-lint/winsock-lint';
/** The rule id SARIF results of unused suppression comments (ruleId null in the engine) use. */
export const UNUSED_SUPPRESSION_RULE_ID = `winsock-lint/${UNUSED_SUPPRESSION_ID}`;
/** The run property holding a --shard report's ShardStamp. */
export const SARIF_SHARD_PROPERTY = 'winsock-lint.shard';
export const FINGERPRINT_KEY = 'primaryLocationLineHash';
const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /** Artifact URIs are relative to this folder (the %SRCROOT% base). */
  cwd: string;
  /** The tool version recorded in the log. */
  version: string;
  /** The rules to describe; default: every rule of the engine. */
  rules?: readonly RuleMeta[];
  /** --shard: recorded as automationDetails and a run property. */
  shard?: ShardStamp;
}

/* The subset of the SARIF 2.1.0 object model this reporter writes. */
export interface SarifMessage {
  text: string;
}
export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}
export interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
export interface SarifPhysicalLocation {
  artifactLocation: SarifArtifactLocation;
  region: SarifRegion;
}
export interface SarifLocation {
  id?: number;
  physicalLocation: SarifPhysicalLocation;
  message?: SarifMessage;
}
export interface SarifReplacement {
  deletedRegion: { charOffset: number; charLength: number };
  insertedContent?: { text: string };
}
export interface SarifFix {
  description: SarifMessage;
  artifactChanges: Array<{ artifactLocation: SarifArtifactLocation; replacements: SarifReplacement[] }>;
}
export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: 'warning' | 'error';
  message: SarifMessage;
  locations: SarifLocation[];
  relatedLocations?: SarifLocation[];
  fixes?: SarifFix[];
  partialFingerprints: Record<string, string>;
}
export interface SarifRule {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  helpUri?: string;
  help: SarifMessage;
  defaultConfiguration: { level: 'warning' | 'error' };
  properties: { tags: string[] };
}
export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: Array<{
    tool: {
      driver: {
        name: string;
        informationUri: string;
        version: string;
        semanticVersion: string;
        rules: SarifRule[];
      };
    };
    originalUriBaseIds: Record<string, { uri: string }>;
    artifacts: Array<{ location: SarifArtifactLocation; sourceLanguage?: string }>;
    results: SarifResult[];
    columnKind: 'utf16CodeUnits';
    /** --shard: `winsock-lint/<run id>/<i>-of-<n>`. */
    automationDetails?: { id: string };
    properties?: { [SARIF_SHARD_PROPERTY]: ShardStamp };
  }>;
}

export function formatSarif(files: readonly ReportFile[], options: SarifOptions): string {
  return JSON.stringify(toSarifLog(files, options), null, 2);
}

export function toSarifLog(files: readonly ReportFile[], options: SarifOptions): SarifLog {
  const metas = options.rules ?? ruleMetas;
  const rules = [...metas.map(describeRule), unusedSuppressionRule()];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));

  // Every analysed file is an artifact, in report order; results point at them by index.
  const artifactIndex = new Map<string, number>();
  const artifacts: SarifLog['runs'][number]['artifacts'] = [];
  const locate = (path: string): SarifArtifactLocation => {
    let index = artifactIndex.get(path);
    if (index === undefined) {
      index = artifacts.length;
      artifactIndex.set(path, index);
      const language = sourceLanguage(path);
      artifacts.push({
        location: artifactUri(path, options.cwd),
        ...(language ? { sourceLanguage: language } : {}),
      });
    }
    return { ...artifactUri(path, options.cwd), index };
  };

  const results: SarifResult[] = [];
  for (const { result, text } of files) {
    locate(result.path);
    const fingerprints = findingFingerprints(result.findings, text);
    for (const [i, finding] of result.findings.entries()) {
      const ruleId = finding.ruleId ?? UNUSED_SUPPRESSION_RULE_ID;
      const sarif: SarifResult = {
        ruleId,
        ruleIndex: ruleIndex.get(ruleId) ?? -1,
        level: finding.severity === 'error' ? 'error' : 'warning',
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation: locate(finding.path), region: region(finding.range) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i] ?? '' },
      };
      if (finding.related.length > 0) {
        sarif.relatedLocations = finding.related.map((related, i) => ({
          id: i + 1,
          physicalLocation: {
            artifactLocation: locate(related.path),
            region: region(related.range),
          },
          message: { text: related.message },
        }));
      }
      const fix = automaticFix(finding);
      if (fix) sarif.fixes = [toSarifFix(fix, locate(finding.path))];
      results.push(sarif);
    }
  }

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_INFORMATION_URI,
            version: options.version,
            semanticVersion: options.version,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: folderUri(options.cwd) } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
        ...(options.shard
          ? {
              automationDetails: {
                id: `winsock-lint/${options.shard.runId}/${options.shard.index}-of-${options.shard.count}`,
              },
              properties: { [SARIF_SHARD_PROPERTY]: options.shard },
            }
          : {}),
      },
    ],
  };
}

/** "fast-path-before-connect" → "FastPathBeforeConnect". */
export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word[0]?.toUpperCase() + word.slice(1))
    .join('');
}

const FIX_KIND_SENTENCES: Record<RuleMeta['fixKind'], string> = {
  code: 'Findings come with an automatic fix (`winsock-lint audit --fix`).',
  suggestion: 'Findings come with suggested edits to review; nothing is changed automatically.',
  none: 'Findings have no automatic fix.',
};

function describeRule(meta: RuleMeta): SarifRule {
  const description = endWithStop(meta.description);
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: description },
    fullDescription: { text: `${description} ${FIX_KIND_SENTENCES[meta.fixKind]}` },
    helpUri: meta.docsUrl,
    help: { text: `${description} See ${meta.docsUrl}` },
    defaultConfiguration: { level: meta.defaultSeverity === 'error' ? 'error' : 'warning' },
    properties: {
      tags: [
        'winsock',
        'SIO_LOOPBACK_FAST_PATH',
        ...(meta.id === 'no-deprecated-fast-path' ? ['deprecated'] : ['correctness']),
      ],
    },
  };
}

function unusedSuppressionRule(): SarifRule {
  const description = endWithStop(UNUSED_SUPPRESSION_DESCRIPTION);
  const helpUri = findingDocsUrl(null);
  return {
    id: UNUSED_SUPPRESSION_RULE_ID,
    name: 'UnusedSuppression',
    shortDescription: { text: description },
    fullDescription: {
      text:
        `${description} Set "reportUnusedSuppressions" in winsock-lint.config.json to change ` +
        'the severity or turn it off. A comment that is wholly unused comes with an automatic fix ' +
        'that deletes it.',
    },
    helpUri,
    help: { text: `${description} See ${helpUri}` },
    defaultConfiguration: { level: 'warning' },
    properties: { tags: ['winsock', 'suppression'] },
  };
}

function endWithStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function region(range: Range): SarifRegion {
  const start = toOneBased(range.start);
  const end = toOneBased(range.end);
  // SARIF's endColumn is exclusive, like the engine's end position.
  return {
    startLine: start.line,
    startColumn: start.column,
    endLine: end.line,
    endColumn: end.column,
  };
}

function automaticFix(finding: Finding): Fix | undefined {
  return finding.fix && finding.fix.edits.length > 0 ? finding.fix : undefined;
}

/** Edits as replacements by character offset (UTF-16 code units into the decoded text), in order. */
function toSarifFix(fix: Fix, artifactLocation: SarifArtifactLocation): SarifFix {
  const replacements = [...fix.edits]
    .sort((a, b) => a.range.start.offset - b.range.start.offset || a.range.end.offset - b.range.end.offset)
    .map((edit): SarifReplacement => ({
      deletedRegion: {
        charOffset: edit.range.start.offset,
        charLength: edit.range.end.offset - edit.range.start.offset,
      },
      ...(edit.text === '' ? {} : { insertedContent: { text: edit.text } }),
    }));
  return {
    description: { text: fix.message },
    artifactChanges: [{ artifactLocation, replacements }],
  };
}

/**
 * The `primaryLocationLineHash` of each finding of one file, in order: `<hash>:<n>`, where the hash covers the
 * rule id and the trimmed text of the finding's first line and n counts identical (rule, line) pairs in the
 * file. Shared with --baseline, so a baseline entry and a SARIF alert identify a finding the same way.
 */
export function findingFingerprints(findings: readonly Finding[], text: string): string[] {
  const lines = new LineIndex(text);
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const ruleId = finding.ruleId ?? UNUSED_SUPPRESSION_RULE_ID;
    const lineKey = `${ruleId}\u0000${lines.lineText(finding.range.start.line).trim()}`;
    const occurrence = (occurrences.get(lineKey) ?? 0) + 1;
    occurrences.set(lineKey, occurrence);
    return `${fingerprint(lineKey)}:${occurrence}`;
  });
}

/**
 * Rule id and the trimmed text of the finding's line, hashed: unchanged when lines are added above it or the
 * line is re-indented. With the occurrence number (identical lines in one file) it tells results apart.
 */
function fingerprint(lineKey: string): string {
  return createHash('sha256').update(lineKey).digest('hex').slice(0, 16);
}

/** Relative to %SRCROOT% when the file is inside the working folder; otherwise an absolute file: URI. */
function artifactUri(path: string, cwd: string): SarifArtifactLocation {
  const rel = relative(cwd, path);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return { uri: pathToFileURL(path).href };
  }
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function folderUri(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

const LANGUAGES: ReadonlyArray<[RegExp, string]> = [
  [/\.c$/i, 'c'],
  [/\.(?:cc|cpp|cxx|c\+\+|hh|hpp|hxx|inl|ipp|tpp)$/i, 'cplusplus'],
  [/\.h$/i, 'c'],
];

function sourceLanguage(path: string): string | undefined {
  return LANGUAGES.find(([pattern]) => pattern.test(path))?.[1];
}
