// The CLI entry: parses argv, runs the command and returns the exit code. Never calls process.exit, so
// output written to pipes is flushed; usage errors and internal failures become exit code 2.
import { ruleMetas, ANALYSED_EXTENSIONS } from '@winsock-lint/rules';
import { parseCommandLine, UsageError, type Command } from './args.js';
import { EXIT_FAILURE, EXIT_OK, runAudit } from './audit.js';
import { auditHelp, generalHelp, mergeHelp } from './help.js';
import { formatRuleTable, printConfig } from './info.js';
import { processIo, type CliIo } from './io.js';
import { runMerge } from './merge.js';
import { cliVersion } from './version.js';

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    const ruleIds = ruleMetas.map((meta) => meta.id);
    let command: Command;
    try {
      command = parseCommandLine(argv, ruleIds);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      const helpCommand = error.topic === 'general' ? 'winsock-lint --help' : `winsock-lint ${error.topic} --help`;
      io.stderr.write(`winsock-lint: error: ${error.message}\nRun \`${helpCommand}\` for usage.\n`);
      return EXIT_FAILURE;
    }
    switch (command.kind) {
      case 'help':
        io.stdout.write(
          command.topic === 'audit'
            ? auditHelp(ruleIds, ANALYSED_EXTENSIONS)
            : command.topic === 'merge'
              ? mergeHelp()
              : generalHelp(),
        );
        return EXIT_OK;
      case 'version':
        io.stdout.write(`${cliVersion()}\n`);
        return EXIT_OK;
      case 'list-rules':
        io.stdout.write(formatRuleTable(ruleMetas));
        return EXIT_OK;
      case 'print-config':
        return printConfig(command.options, io);
      case 'audit':
        return await runAudit(command.options, io);
      case 'merge':
        return runMerge(command.options, io);
      case 'lsp': {
        const { parseTransport, startServer } = await import('@winsock-lint/server');
        const transport = parseTransport(command.args);
        if (!transport) {
          io.stderr.write(
            'winsock-lint: error: lsp needs a transport: --stdio, --node-ipc or --socket=PORT\nRun `winsock-lint --help` for usage.\n',
          );
          return EXIT_FAILURE;
        }
        // The server owns the process from here; it exits when the client sends `exit`.
        startServer({ transport });
        return await new Promise<number>(() => undefined);
      }
    }
  } catch (error) {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`winsock-lint: internal error: ${detail}\n`);
    return EXIT_FAILURE;
  }
}
