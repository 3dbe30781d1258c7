// Wires a connection to the language features: initialize (and its initializationOptions), document
// sync, analysis, diagnostics (push or pull), analysis status, code actions, hover, commands (incl. the
// workspace audit), settings, file watching and shutdown.
import {
  DidChangeConfigurationNotification,
  type CodeAction,
  type Connection,
  type Hover,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { Analyzer } from './analyzer.js';
import { sendAnalysisStatus } from './analysis-status.js';
import { auditWorkspace } from './audit.js';
import { clientFeatures, serverCapabilities, type ClientFeatures } from './capabilities.js';
import { codeActions } from './code-actions.js';
import { registerCommands } from './commands.js';
import { DiagnosticDelivery } from './diagnostic-delivery.js';
import { DocumentStore } from './documents.js';
import { classifyEvents, registerWatchers } from './file-watching.js';
import { hoverAt } from './hover.js';
import { readInitializationOptions } from './initialization-options.js';
import { ProjectConfigs } from './project-config.js';
import { invalidParams, requirePosition, requireRange, requireTextDocument } from './request-params.js';
import { SettingsCache } from './settings.js';
import { WorkspaceScanner } from './workspace-scan.js';
import { showMessage } from './messages.js';

export const SERVER_NAME = 'winsock-lint';
export const SERVER_VERSION = '0.1.0';

interface Session {
  features: ClientFeatures;
  hoverShowsDiagnostics: boolean;
  settings: SettingsCache;
  analyzer: Analyzer;
  scanner: WorkspaceScanner;
  configs: ProjectConfigs;
}

/** Installs every handler on `connection`; the caller calls connection.listen(). */
export function wireServer(connection: Connection): void {
  let session: Session | undefined;
  let features: ClientFeatures | undefined;
  const documents = new DocumentStore(() => features?.encoding ?? 'utf-16');
  const active = (): Session => {
    if (!session) throw invalidParams('The server is not initialized.');
    return session;
  };

  connection.onInitialize((params): InitializeResult => {
    features = clientFeatures(params.capabilities ?? {});
    const current = features;
    const options = readInitializationOptions(params.initializationOptions, (message) =>
      connection.console.warn(message),
    );
    const configs = new ProjectConfigs((message) => {
      connection.console.warn(message);
      showMessage(connection, 'warning', message.split('\n')[0] ?? message);
    }, options.useWorkspaceConfig);
    const settings = new SettingsCache(connection, current.configuration);
    const delivery = new DiagnosticDelivery(
      connection,
      current.pullDiagnostics ? 'pull' : 'push',
      current.diagnosticRefresh,
      documents,
    );
    const analyzer = new Analyzer({
      connection,
      documents,
      settings,
      configs,
      encoding: () => current.encoding,
      relatedInformation: () => current.relatedInformation,
      onResults: (changes, removed) => delivery.onResults(changes, removed),
      ...(options.statusNotifications ? { onRun: (run) => sendAnalysisStatus(connection, documents, run) } : {}),
    });
    const scanner = new WorkspaceScanner(connection, analyzer, settings, configs);
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    scanner.setFolders(folders);
    delivery.register(analyzer, async () => {
      await scanner.done();
      await analyzer.settled();
    });
    session = {
      features: current,
      hoverShowsDiagnostics: options.hoverShowsDiagnostics,
      settings,
      analyzer,
      scanner,
      configs,
    };
    return { capabilities: serverCapabilities(current), serverInfo: { name: SERVER_NAME, version: SERVER_VERSION } };
  });

  connection.onInitialized(() => {
    const { features: current, scanner } = active();
    if (current.configurationRegistration) {
      void connection.client
        .register(DidChangeConfigurationNotification.type, { section: 'winsockLint' })
        .catch(() => undefined);
    }
    if (current.watchedFilesRegistration) registerWatchers(connection);
    void scanner.scanAll();
  });

  connection.onDidOpenTextDocument((params) => {
    const document = documents.open(params);
    session?.analyzer.schedule(document.uri, 0);
  });
  connection.onDidChangeTextDocument((params) => {
    const document = documents.change(params);
    if (document) session?.analyzer.schedule(document.uri);
  });
  connection.onDidCloseTextDocument((params) => {
    documents.close(params.textDocument.uri);
    session?.settings.forget(params.textDocument.uri);
    session?.analyzer.closed(params.textDocument.uri);
  });

  connection.onDidChangeConfiguration(async (params) => {
    const { settings, analyzer, scanner } = active();
    settings.reset(params.settings);
    // include/exclude and maxFileSize decide which folder files are read: read them again.
    await scanner.scanAll();
    await analyzer.runAll();
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    const { configs, scanner } = active();
    const changes = classifyEvents(params.changes);
    if (changes.configChanged) {
      configs.invalidate();
      await scanner.scanAll();
      await active().analyzer.runAll();
      return;
    }
    for (const source of changes.sources) await scanner.fileChanged(source.path);
  });

  connection.onHover(async (params): Promise<Hover | null> => {
    const { uri } = requireTextDocument(params);
    const position = requirePosition(params);
    const { analyzer, features: current, hoverShowsDiagnostics } = active();
    if (!documents.get(uri)) return null;
    const result = await analyzer.resultFor(uri);
    return result ? hoverAt(result, position, current.encoding, hoverShowsDiagnostics) : null;
  });

  connection.onCodeAction(async (params): Promise<CodeAction[]> => {
    const { uri } = requireTextDocument(params);
    requireRange(params);
    if (!Array.isArray(params.context?.diagnostics)) throw invalidParams('context.diagnostics must be an array.');
    const { analyzer, features: current } = active();
    const document = documents.get(uri);
    if (!document) return [];
    const requestedVersion = document.version;
    const result = await analyzer.resultFor(uri);
    if (!result || result.version !== documents.get(uri)?.version) return [];
    return codeActions(params, {
      result,
      currentVersion: requestedVersion,
      encoding: current.encoding,
      documentChanges: current.documentChanges,
      reanalyze: (text) => analyzer.reanalyze(result, text),
    });
  });

  registerCommands(connection, {
    canShowDocument: () => features?.showDocument === true,
    auditWorkspace: (progress) => {
      const { analyzer, scanner } = active();
      return auditWorkspace({ analyzer, scanner, documents }, progress);
    },
  });

  connection.onShutdown(() => {
    session?.scanner.cancel();
    session?.analyzer.dispose();
  });
}
