// eslint-plugin-winsock: winsock-lint's SIO_LOOPBACK_FAST_PATH rules for ESLint 9 and 10. C/C++ files use the
// `winsock/cpp` language; TypeScript/JavaScript files use ESLint's usual parsers. Both report the engine's findings.
import fs from 'node:fs';
import type { ESLint, Linter, Rule } from 'eslint';
import { cppLanguage } from './language/cpp-language.js';
import { defaultSeverities, rules } from './rules.js';

export { CppLanguage, cppLanguage } from './language/cpp-language.js';
export { CppSourceCode } from './language/cpp-source-code.js';
export type { CppNode, CppRoot, CppComment } from './language/cpp-ast.js';
export { rules, UNUSED_SUPPRESSION } from './rules.js';
export { clearAnalysisCache, analyseFile, projectRootFor } from './analysis.js';
export { clearProjectIndexes, projectIndex, findProjectRoot } from './project-index.js';
export type { WinsockSettings, RuleOptions } from './settings.js';

const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

/** The file globs the plugin's two halves are meant for (for users' configs; presets set no `files`). */
export const CPP_FILES = ['**/*.{c,cc,cpp,cxx,h,hh,hpp,hxx,inl,ipp}'];
export const SCRIPT_FILES = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];

type RuleLevels = Record<string, 'warn' | 'error'>;
const prefixed = (levels: RuleLevels): RuleLevels =>
  Object.fromEntries(Object.entries(levels).map(([id, level]) => [`winsock/${id}`, level]));
const allErrors: RuleLevels = Object.fromEntries(Object.keys(rules).map((id) => [id, 'error' as const]));

/** The plugin as ESLint's types describe plugins (the rules are typescript-eslint RuleModules underneath). */
export interface WinsockPlugin extends ESLint.Plugin {
  meta: { name: string; version: string; namespace: string };
  languages: { cpp: typeof cppLanguage };
  rules: Record<string, Rule.RuleModule>;
  configs: {
    /** TypeScript/JavaScript files (FFI code): every rule at its default severity. */
    recommended: Linter.Config;
    /** C/C++ files: the `winsock/cpp` language and every rule at its default severity. */
    'recommended-cpp': Linter.Config;
    /** Every rule as an error; add `language: "winsock/cpp"` for C/C++ files. */
    all: Linter.Config;
  };
}

const plugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'winsock' },
  languages: { cpp: cppLanguage },
  rules: rules as unknown as Record<string, Rule.RuleModule>,
  configs: {} as WinsockPlugin['configs'],
};

// Presets carry no `files`, so that `{ files: [...], ...winsock.configs["recommended-cpp"] }` keeps the user's.
plugin.configs.recommended = {
  name: 'winsock/recommended',
  plugins: { winsock: plugin as never },
  rules: prefixed(defaultSeverities),
};
plugin.configs['recommended-cpp'] = {
  name: 'winsock/recommended-cpp',
  plugins: { winsock: plugin as never },
  language: 'winsock/cpp',
  rules: prefixed(defaultSeverities),
};
plugin.configs.all = { name: 'winsock/all', plugins: { winsock: plugin as never }, rules: prefixed(allErrors) };

const winsock: WinsockPlugin = plugin;
export default winsock;
