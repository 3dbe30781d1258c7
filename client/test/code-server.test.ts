// The extension in real VS Code (code-server + Chromium): squiggle, hover (the message once), quick fix and save,
// Audit Workspace, rule documentation (the shipped page in the Markdown preview), Fix All in File, Restart Server.
// Screenshots of every step go to a folder, kept on failure as the failure record; UPDATE_SCREENSHOTS=1 copies
// them into docs/images.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULE_IDS, analyzeProject, docsUrl, ruleMetas } from '@winsock-lint/rules';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { findTools, installExtension, prepareFolders, startCodeServer } from './support/code-server.js';
import { REPO_DIR } from './support/paths.js';
import { until } from './support/poll.js';
import { vsixUnderTest } from './support/vsix.js';

const DEMO = join(REPO_DIR, 'fixtures/demo');
/** The file the test fixes: one automatic fix (no-deprecated-fast-path), whose result is the .fixed file. */
const FILE = 'wakeup_pair.c';
const RULE = 'no-deprecated-fast-path';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const LONG = 90_000;
const SHORT = 30_000;

/** The demo's sources (not the .fixed expectations) in a fresh folder. */
function copyWorkspace(target: string): void {
  mkdirSync(target);
  for (const name of readdirSync(DEMO)) {
    if (!name.endsWith('.fixed')) copyFileSync(join(DEMO, name), join(target, name));
  }
}

/** What the CLI reports for the folder: errors and warnings. */
function cliCounts(folder: string): { errors: number; warnings: number } {
  let stdout = '';
  try {
    stdout = execFileSync(
      process.execPath,
      [join(REPO_DIR, 'cli/bin/winsock-lint.js'), 'audit', '--format', 'json', folder],
      {
        encoding: 'utf8',
      },
    );
  } catch (error) {
    // Exit code 1 means error-severity findings; the JSON is still on stdout.
    stdout = (error as { stdout?: string }).stdout ?? '';
  }
  const results = JSON.parse(stdout) as { errorCount: number; warningCount: number }[];
  return {
    errors: results.reduce((sum, r) => sum + r.errorCount, 0),
    warnings: results.reduce((sum, r) => sum + r.warningCount, 0),
  };
}

/** The status bar's problem counts ("Errors: 3, Warnings: 5"; a zero count is left out). */
async function problemCounts(page: Page): Promise<{ errors: number; warnings: number } | undefined> {
  const label = await page.locator('[id="status.problems"]').first().getAttribute('aria-label');
  if (label === null) return undefined;
  const count = (kind: string): number => Number(new RegExp(`${kind}: (\\d+)`).exec(label)?.[1] ?? 0);
  return { errors: count('Errors'), warnings: count('Warnings') };
}

class Workbench {
  private step = 0;

  constructor(
    readonly page: Page,
    private readonly screenshots: string,
  ) {}

  async screenshot(name: string): Promise<void> {
    this.step++;
    // Hovers and menus fade in: wait for the finite animations (not the spinners) to finish.
    await this.page.evaluate(() =>
      Promise.all(
        document
          .getAnimations()
          .filter((animation) => animation.effect?.getTiming().iterations !== Infinity)
          .map((animation) => animation.finished.catch(() => undefined)),
      ),
    );
    await this.page.screenshot({ path: join(this.screenshots, `${String(this.step).padStart(2, '0')}-${name}.png`) });
  }

  /** Opens a quick input with `keys` (retrying until it shows), types `text` and picks the row `row`. */
  async quickInput(keys: string, text: string, row: RegExp): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    // A quick input that is still closing would swallow the keys: start from none.
    await input.waitFor({ state: 'hidden', timeout: SHORT });
    await until(
      `the quick input (${keys})`,
      async () => {
        if (!(await input.isVisible())) await this.page.keyboard.press(keys);
        await input.waitFor({ state: 'visible', timeout: 2000 }).catch(() => undefined);
        return (await input.isVisible()) && (await input.isEditable());
      },
      LONG,
      500,
    );
    await input.fill(text, { timeout: SHORT });
    // Enter picks the focused row, once it is the wanted one (a click could land on a message above it).
    const focused = this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: row });
    await focused.waitFor({ state: 'visible', timeout: SHORT });
    await this.page.keyboard.press('Enter');
  }

  async openFile(name: string): Promise<void> {
    await this.quickInput('Control+P', name, new RegExp(name.replace('.', '\\.')));
    await this.page.locator('.tab.active', { hasText: name }).waitFor({ timeout: SHORT });
  }

  async runCommand(title: string): Promise<void> {
    await this.quickInput('Control+Shift+P', `>${title}`, new RegExp(title));
  }
}

test(
  'VS Code (code-server): squiggle, hover, quick fix, audit, rule docs, fix all, restart',
  { timeout: 300_000 },
  async (t) => {
    const tools = findTools();
    if ('missing' in tools) {
      t.skip(tools.missing);
      return;
    }
    const root = mkdtempSync(join(tmpdir(), 'winsock-lint-vscode-'));
    const screenshots = join(root, 'screenshots');
    mkdirSync(screenshots);
    const workspace = join(root, 'demo');
    copyWorkspace(workspace);
    const folders = prepareFolders(root);
    let browser: Browser | undefined;
    let lastPage: Page | undefined;
    let stopCodeServer = (): void => undefined;
    let passed = false;
    try {
      installExtension(tools, folders, vsixUnderTest());
      const codeServer = await startCodeServer(tools, folders, workspace, join(root, 'code-server.log'));
      stopCodeServer = codeServer.stop;
      browser = await chromium.launch({ executablePath: tools.chromium, args: CHROMIUM_ARGS });
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      lastPage = page;
      const workbench = new Workbench(page, screenshots);
      await page.goto(`${codeServer.url}/?folder=${encodeURIComponent(workspace)}`);
      await page.locator('.monaco-workbench').waitFor({ timeout: LONG });

      // The engine's view of the file: the finding the test fixes and the fix's title.
      const source = join(workspace, FILE);
      const sources = readdirSync(workspace).filter((name) => /\.(c|cpp|h)$/.test(name));
      const results = analyzeProject(
        sources.map((name) => ({ path: join(workspace, name), text: readFileSync(join(workspace, name), 'utf8') })),
      );
      const finding = results.find((r) => r.path === source)?.findings.find((f) => f.ruleId === RULE && f.fix);
      assert.ok(finding?.fix, `the engine has no ${RULE} fix in ${FILE}`);

      // 1. Open the file and wait for the server's squiggle.
      await workbench.openFile(FILE);
      await page.locator('.squiggly-warning, .squiggly-error').first().waitFor({ timeout: LONG });
      await workbench.screenshot('vscode-diagnostics');

      // 2. Hover the flagged code: the message, the rule id and its documentation link.
      const token = page.locator('.view-line span', { hasText: /^SIO_LOOPBACK_FAST_PATH$/ }).first();
      const hover = page.locator('.monaco-hover:visible', { hasText: RULE }).first();
      await until(
        'the hover of the finding',
        async () => {
          await page.mouse.move(5, 5);
          await token.hover();
          await hover.waitFor({ timeout: 3000 }).catch(() => undefined);
          return hover.isVisible();
        },
        SHORT,
      );
      const hoverText = await hover.innerText();
      // VS Code shows the diagnostic; the server's part adds why and the fix, not the message again.
      assert.equal(hoverText.split(finding.message).length - 1, 1, `the message once in the hover:\n${hoverText}`);
      assert.match(hoverText, /Why:/);
      const links = await hover.locator('a').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
      assert.ok(links.includes(docsUrl(RULE)), `hover links: ${links.join(', ')}`);
      await workbench.screenshot('vscode-hover');

      // 3. Quick fix at the token: wait for the light bulb, retry Ctrl+. until the menu shows. "Show documentation"
      // opens the rule's page shipped in the extension, in the Markdown preview; then back to the file for the fix.
      const quickFixMenu = async (row: Locator): Promise<void> => {
        await token.click();
        await page.keyboard.press('Escape');
        await page
          .locator('.lightBulbWidget, .codicon-light-bulb, .codicon-lightbulb-autofix')
          .first()
          .waitFor({ timeout: SHORT });
        await until(
          'the quick-fix menu',
          async () => {
            if (!(await row.isVisible())) await page.keyboard.press('Control+.');
            await row.waitFor({ timeout: 3000 }).catch(() => undefined);
            return row.isVisible();
          },
          SHORT,
        );
      };
      const docsRow = page
        .locator('.action-widget .monaco-list-row.action', { hasText: `Show documentation for ${RULE}` })
        .first();
      await quickFixMenu(docsRow);
      await docsRow.click();
      await page.locator('.tab.active', { hasText: `Preview ${RULE}.md` }).waitFor({ timeout: LONG });
      // The page is rendered (the preview's webview: an iframe holding the active frame).
      await page
        .frameLocator('iframe.webview')
        .frameLocator('#active-frame')
        .locator('h1', { hasText: RULE })
        .waitFor({ timeout: LONG });
      await workbench.screenshot('vscode-show-documentation');
      await workbench.openFile(FILE);
      const fixRow = page.locator('.action-widget .monaco-list-row.action', { hasText: finding.fix.message }).first();
      await quickFixMenu(fixRow);
      await workbench.screenshot('vscode-quick-fix');
      await fixRow.click();

      // 4. Save; the file on disk is the fixture's expectation.
      const expected = readFileSync(join(DEMO, `${FILE}.fixed`), 'utf8');
      await until(
        'the fixed file on disk',
        async () => {
          if (readFileSync(source, 'utf8') === expected) return true;
          await page.keyboard.press('Control+S');
          return false;
        },
        SHORT,
        1000,
      ).catch(() =>
        assert.equal(readFileSync(source, 'utf8'), expected, 'the saved file differs from the .fixed file'),
      );

      // 5. Audit Workspace: the Problems view counts what the CLI reports for the folder.
      const cli = cliCounts(workspace);
      await workbench.runCommand('winsock-lint: Audit Workspace');
      const toasts = page.locator('.notifications-toasts');
      await toasts.filter({ hasText: /winsock-lint: (\d+ findings?|no findings)/ }).waitFor({ timeout: LONG });
      await toasts.filter({ hasText: 'auditing the workspace' }).waitFor({ state: 'hidden', timeout: SHORT });
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel').first().waitFor({ timeout: SHORT });
      const shown = await until(
        `the Problems view to count ${cli.errors} errors and ${cli.warnings} warnings`,
        async () => {
          const counts = await problemCounts(page);
          return counts && counts.errors === cli.errors && counts.warnings === cli.warnings ? counts : undefined;
        },
        SHORT,
      ).catch(async () => problemCounts(page));
      await workbench.screenshot('vscode-audit');
      assert.deepEqual(shown, cli, 'Problems view counts against the CLI');

      // 6. The language status item, for the README (without the audit's toast in front of it).
      await workbench.runCommand('Notifications: Clear All Notifications');
      await toasts.filter({ hasText: 'winsock-lint' }).waitFor({ state: 'hidden', timeout: SHORT });
      await page.locator('[id="status.languageStatus"]').first().click();
      await page
        .getByText(/winsock-lint: (\d+ findings?|no findings)/)
        .first()
        .waitFor({ timeout: SHORT });
      await workbench.screenshot('vscode-language-status');
      await page.keyboard.press('Escape');

      // 7. Open Rule Documentation lists every rule with its description.
      await workbench.runCommand('winsock-lint: Open Rule Documentation');
      const ruleRows = page.locator('.quick-input-list .monaco-list-row');
      await until('the rule quick pick', async () => (await ruleRows.count()) === RULE_IDS.length, SHORT);
      for (const meta of ruleMetas) {
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: meta.id })
          .first()
          .waitFor({ timeout: SHORT });
      }
      await workbench.screenshot('vscode-rule-documentation');
      // Picking one opens the page shipped in the extension in the Markdown preview (offline).
      await page.locator('.quick-input-widget input').fill(RULE);
      await page
        .locator('.quick-input-list .monaco-list-row.focused', { hasText: RULE })
        .first()
        .waitFor({ timeout: SHORT });
      await page.keyboard.press('Enter');
      await page.locator('.tab.active', { hasText: `Preview ${RULE}.md` }).waitFor({ timeout: LONG });
      await workbench.screenshot('vscode-rule-preview');

      // 8. Fix All in File on a file with several automatic fixes gives the .fixed file (VS Code saves files
      // changed by a code action's workspace edit itself when files.refactoring.autoSave is on).
      const fixAllFile = 'bus_client.cpp';
      await workbench.openFile(fixAllFile);
      await workbench.runCommand('winsock-lint: Fix All in File');
      const fixedAll = readFileSync(join(DEMO, `${fixAllFile}.fixed`), 'utf8');
      const dirtyTab = page.locator('.tab.active.dirty');
      await until(
        `${fixAllFile} fixed and saved`,
        async () => {
          if (readFileSync(join(workspace, fixAllFile), 'utf8') === fixedAll) return true;
          if (await dirtyTab.isVisible()) await page.keyboard.press('Control+S');
          return false;
        },
        LONG,
        500,
      ).catch(() => assert.equal(readFileSync(join(workspace, fixAllFile), 'utf8'), fixedAll, 'Fix All in File'));

      // 9. Restart Server: the audit is cleared and the server comes back with the open files' findings.
      await workbench.runCommand('winsock-lint: Restart Server');
      const statusBar = page.locator('[id="winsock-lint.winsock-lint-vscode.winsockLint.status"]');
      await until(
        'the status bar to count the open files’ findings after the restart',
        async () => {
          const text = (await statusBar.innerText()).trim();
          const counts = await problemCounts(page);
          const total = counts ? counts.errors + counts.warnings : -1;
          return new RegExp(`winsock-lint: ${total}$`).test(text) && total < cli.errors + cli.warnings;
        },
        LONG,
      );
      passed = true;
    } catch (error) {
      await lastPage?.screenshot({ path: join(screenshots, 'failure.png') }).catch(() => undefined);
      throw error;
    } finally {
      await browser?.close().catch(() => undefined);
      stopCodeServer();
      if (process.env['UPDATE_SCREENSHOTS'] === '1' && passed) {
        const images = join(REPO_DIR, 'docs/images');
        mkdirSync(images, { recursive: true });
        for (const name of readdirSync(screenshots)) copyFileSync(join(screenshots, name), join(images, name.slice(3)));
        console.log(`# screenshots copied to ${images}`);
      }
      if (passed) rmSync(root, { recursive: true, force: true });
      else console.log(`# failure record (screenshots, code-server.log): ${root}`);
    }
  },
);
