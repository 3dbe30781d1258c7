// The documents the extension hands to the language server: C, C++, and TypeScript/JavaScript (the FFI
// frontend), saved files and untitled ones.

export const LANGUAGE_IDS = ['c', 'cpp', 'typescript', 'javascript', 'typescriptreact', 'javascriptreact'] as const;

export const DOCUMENT_SCHEMES = ['file', 'untitled'] as const;

export interface DocumentFilterSpec {
  scheme: string;
  language: string;
}

export const DOCUMENT_SELECTOR: readonly DocumentFilterSpec[] = LANGUAGE_IDS.flatMap((language) =>
  DOCUMENT_SCHEMES.map((scheme) => ({ scheme, language })),
);

export function isLintedLanguage(languageId: string): boolean {
  return (LANGUAGE_IDS as readonly string[]).includes(languageId);
}
