// The ids of the extension's own commands (package.json contributes.commands). They use the
// `winsockLint.` prefix: the server's commands (`winsock-lint.*`) are registered by the language client.

export const COMMANDS = {
  auditWorkspace: 'winsockLint.auditWorkspace',
  fixAllInFile: 'winsockLint.fixAllInFile',
  showOutput: 'winsockLint.showOutput',
  restartServer: 'winsockLint.restartServer',
  openRuleDocumentation: 'winsockLint.openRuleDocumentation',
} as const;
