// Flat configs the tests lint with: the plugin's presets on C/C++ (winsock/cpp) and on scripts (espree for
// JavaScript, @typescript-eslint/parser for TypeScript), as a user would write them.
import tsParser from '@typescript-eslint/parser';
import type { Linter } from 'eslint';
import winsock, { CPP_FILES } from '../../src/index.js';

export function flatConfig(settings: Record<string, unknown> = {}): Linter.Config[] {
  return [
    { linterOptions: { reportUnusedDisableDirectives: 'off' }, settings },
    { files: CPP_FILES, ...winsock.configs['recommended-cpp'] },
    { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser as Linter.Parser } },
    { files: ['**/*.{js,jsx,mjs,cjs}'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
    { files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'], ...winsock.configs.recommended },
  ];
}
