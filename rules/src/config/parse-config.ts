// Parses and strictly validates winsock-lint.config.json text; every problem is reported with the
// file name, line and column, and a "did you mean" where a near-miss is likely a typo.
import { globProblem } from './glob.js';
import { RULE_IDS, isRuleId } from '../rule-ids.js';
import { LineIndex, toOneBased } from '../text/positions.js';
import type { RuleId, SeveritySetting } from '../types.js';
import type { ConfigFile } from './config-types.js';
import { JsonSyntaxError, jsonPointer, parseJson } from './parse-json.js';

/** An unusable configuration file; `problems` lists each one as "file:line:column: what". */
export class ConfigError extends Error {
  constructor(
    readonly fileName: string,
    readonly problems: readonly string[],
  ) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

const TOP_LEVEL_KEYS = ['$schema', 'rules', 'include', 'exclude', 'reportUnusedSuppressions'];
const SEVERITIES: readonly SeveritySetting[] = ['off', 'warn', 'error'];

/** Optimal string alignment distance: Levenshtein plus swapping neighbours ("fsat" → "fast"). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((rows[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/**
 * The candidate nearest to `input`, if near enough to be a plausible typo. A lone candidate
 * that the input extends or abbreviates ("warning" → "warn") also counts.
 */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const lower = input.toLowerCase();
  const related = candidates.filter((c) => {
    const other = c.toLowerCase();
    return lower.length >= 3 && (lower.startsWith(other) || other.startsWith(lower));
  });
  if (related.length === 1) return related[0];
  // Far longer than every candidate: no typo, and the distance would cost length × candidates.
  if (input.length > 64) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const limit = Math.max(2, Math.floor(Math.max(input.length, best?.length ?? 0) / 3));
  return bestDistance <= limit ? best : undefined;
}

/**
 * The rule id a mistyped name most likely meant. A plugin-prefixed name as the ESLint plugin
 * spells it ("winsock-lint/fast-path-tcp-only") suggests the bare id.
 */
export function suggestRuleId(name: string): RuleId | undefined {
  const bare = name.slice(name.lastIndexOf('/') + 1);
  if (isRuleId(bare)) return bare;
  return closestMatch(name, RULE_IDS) as RuleId | undefined;
}

/** "off"/"warn"/"error", 0/1/2 or ESLint's array form ["warn"]; undefined for anything else. */
export function normalizeSeverity(value: unknown): SeveritySetting | undefined {
  if (Array.isArray(value)) {
    return value.length === 1 && !Array.isArray(value[0]) ? normalizeSeverity(value[0]) : undefined;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? SEVERITIES[value] : undefined;
  return SEVERITIES.find((s) => s === value);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? JSON.stringify(shortened(value)) : JSON.stringify(value);
}

/** A hostile file's 10 MB string or key is named by its start, not printed whole. */
function shortened(text: string): string {
  return text.length > 80 ? `${text.slice(0, 60)}… (${text.length} characters)` : text;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses and validates the text of winsock-lint.config.json; throws ConfigError. */
export function parseConfigFile(jsonText: string, fileName: string): ConfigFile {
  const text = jsonText.startsWith('\uFEFF') ? jsonText.slice(1) : jsonText;
  const lines = new LineIndex(text);
  const at = (offset: number | undefined, problem: string): string => {
    const where = toOneBased(lines.positionAt(offset ?? 0));
    return `${fileName}:${where.line}:${where.column}: ${problem}`;
  };

  let parsed: ReturnType<typeof parseJson>;
  try {
    parsed = parseJson(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) {
      throw new ConfigError(fileName, [at(error.offset, `invalid JSON: ${error.message}.`)]);
    }
    throw error;
  }
  const { value: root, valueOffsets, keyOffsets } = parsed;
  const problems: string[] = [];
  const valueProblem = (pointer: string, problem: string): void => {
    problems.push(at(valueOffsets.get(pointer), problem));
  };
  const keyProblem = (pointer: string, problem: string): void => {
    problems.push(at(keyOffsets.get(pointer), problem));
  };

  if (!isPlainObject(root)) {
    throw new ConfigError(fileName, [at(0, `the configuration must be a JSON object, not ${describeValue(root)}.`)]);
  }

  const config: ConfigFile = {};
  for (const [key, value] of Object.entries(root)) {
    const pointer = jsonPointer('', key);
    switch (key) {
      case '$schema':
        if (typeof value !== 'string') valueProblem(pointer, "'$schema' must be a string.");
        break;
      case 'rules': {
        const rules = validateRules(value, pointer, valueProblem, keyProblem);
        if (rules) config.rules = rules;
        break;
      }
      case 'include':
      case 'exclude': {
        const globs = validateGlobs(key, value, pointer, valueProblem);
        if (globs) config[key] = globs;
        break;
      }
      case 'reportUnusedSuppressions': {
        // Booleans too, as ESLint's reportUnusedDisableDirectives accepts them.
        const severity = typeof value === 'boolean' ? (value ? 'warn' : 'off') : normalizeSeverity(value);
        if (severity) {
          config.reportUnusedSuppressions = severity;
        } else {
          const found = describeValue(value);
          const problem = `invalid value ${found} for 'reportUnusedSuppressions'; `;
          valueProblem(pointer, `${problem}expected "off", "warn" or "error".`);
        }
        break;
      }
      default: {
        const guess = closestMatch(key, TOP_LEVEL_KEYS);
        const hint = guess
          ? `did you mean '${guess}'?`
          : `expected one of ${TOP_LEVEL_KEYS.map((k) => `'${k}'`).join(', ')}.`;
        keyProblem(pointer, `unknown key '${shortened(key)}'; ${hint}`);
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(fileName, problems);
  return config;
}

type Report = (pointer: string, problem: string) => void;

function validateRules(
  value: unknown,
  pointer: string,
  valueProblem: Report,
  keyProblem: Report,
): ConfigFile['rules'] | undefined {
  if (!isPlainObject(value)) {
    valueProblem(pointer, `'rules' must be an object mapping rule ids to severities, not ${describeValue(value)}.`);
    return undefined;
  }
  const rules: Partial<Record<RuleId, SeveritySetting>> = {};
  for (const [id, setting] of Object.entries(value)) {
    const member = jsonPointer(pointer, id);
    if (!isRuleId(id)) {
      const guess = suggestRuleId(id);
      const hint = guess
        ? `did you mean '${guess}'?`
        : `valid rule ids are ${RULE_IDS.map((r) => `'${r}'`).join(', ')}.`;
      keyProblem(member, `unknown rule '${id}'; ${hint}`);
      continue;
    }
    const severity = normalizeSeverity(setting);
    if (severity) {
      rules[id] = severity;
    } else if (Array.isArray(setting) && setting.length > 1 && normalizeSeverity([setting[0]])) {
      valueProblem(member, `rule '${id}' takes no options; use just a severity such as "warn".`);
    } else {
      const guess = typeof setting === 'string' ? closestMatch(setting, SEVERITIES) : undefined;
      const hint = guess ? ` (did you mean "${guess}"?)` : '';
      valueProblem(
        member,
        `invalid severity ${describeValue(setting)} for rule '${id}'${hint}; ` +
          'expected "off", "warn" or "error" (or 0, 1, 2).',
      );
    }
  }
  return rules;
}

function validateGlobs(
  key: 'include' | 'exclude',
  value: unknown,
  pointer: string,
  valueProblem: Report,
): string[] | undefined {
  if (!Array.isArray(value)) {
    valueProblem(pointer, `'${key}' must be an array of glob strings, not ${describeValue(value)}.`);
    return undefined;
  }
  const globs: string[] = [];
  value.forEach((glob: unknown, i) => {
    const problem = typeof glob === 'string' ? globProblem(glob) : undefined;
    if (problem !== undefined) valueProblem(jsonPointer(pointer, i), `'${key}[${i}]': ${problem}.`);
    else if (typeof glob === 'string' && glob.trim() !== '') globs.push(glob);
    else
      valueProblem(
        jsonPointer(pointer, i),
        `'${key}[${i}]' must be a non-empty glob string, not ${describeValue(glob)}.`,
      );
  });
  return globs;
}
