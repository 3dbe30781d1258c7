// Public surface of configuration handling: types, defaults, parsing and resolution.
export type { ConfigFile, ResolvedConfig } from './config-types.js';
export { defaultConfig } from './defaults.js';
export { ConfigError, closestMatch, normalizeSeverity, parseConfigFile, suggestRuleId } from './parse-config.js';
export { isPathIncluded, resolveConfig } from './resolve-config.js';
export { compileGlob, compileGlobs, GlobError, globProblem } from './glob.js';
