// The `winsock/cpp` language: ESLint's languages API for C and C++ files, parsed synchronously by tree-sitter.
import type { File, Language, OkParseResult, ParseResult } from '@eslint/core';
import { parseCpp, visitorKeys, type CppNode, type CppRoot } from './cpp-ast.js';
import { CppSourceCode, type CppLanguageOptions } from './cpp-source-code.js';

export class CppLanguage implements Language<{
  LangOptions: CppLanguageOptions;
  Code: CppSourceCode;
  RootNode: CppRoot;
  Node: CppNode;
}> {
  readonly fileType = 'text' as const;
  readonly lineStart = 1 as const;
  readonly columnStart = 0 as const;
  readonly nodeTypeKey = 'type';
  readonly visitorKeys = visitorKeys;
  readonly defaultLanguageOptions: CppLanguageOptions = {};

  /** No options yet; unknown keys are left alone so shared configs that set JS options do not break C files. */
  validateLanguageOptions(languageOptions: CppLanguageOptions): void {
    if (typeof languageOptions !== 'object' || languageOptions === null)
      throw new TypeError('Expected languageOptions to be an object.');
  }

  /**
   * Never fails: tree-sitter recovers from anything (half of real Win32 code has ERROR nodes from macros), and the
   * rules work on partial trees, so a parse error is not a reason to stop linting.
   */
  parse(file: File): ParseResult<CppRoot> {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    try {
      return { ok: true, ast: parseCpp(text) };
    } catch (error) {
      return {
        ok: false,
        errors: [
          {
            message: `tree-sitter could not parse the file: ${error instanceof Error ? error.message : String(error)}`,
            line: 1,
            column: 0,
          },
        ],
      };
    }
  }

  createSourceCode(file: File, parseResult: OkParseResult<CppRoot>): CppSourceCode {
    const text = typeof file.body === 'string' ? file.body : new TextDecoder().decode(file.body);
    return new CppSourceCode({ text, ast: parseResult.ast });
  }
}

export const cppLanguage = new CppLanguage();
