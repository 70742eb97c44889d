// Tier 3: the extension in a real VS Code (code-server 4.139.1 = VS Code 1.139.1, Node extension
// host) driven by headless Chromium. Provisions on first run (test/e2e/provision.sh; minutes),
// then each run takes about half a minute.
//   1. the extension-host API tests (test/e2e/extension-host) via the workbench payload, like
//      @vscode/test-electron's extensionTestsPath; the exit code comes from window.codeAutomationExit;
//   2. a UI test: explorer -> editor squiggles -> Problems panel -> status bar -> outline; screenshot
//      in test-results/ (and docs/screenshot.png with UPDATE_SCREENSHOT=1).
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  assertBuilt, CodeServer, launchChromium, log, provision, REPO_ROOT, RESULTS_DIR, startCodeServer,
} from './harness';

const MINUTE = 60_000;

describe('VS Code (code-server + Chromium)', { timeout: 30 * MINUTE }, () => {
  let cs: CodeServer | undefined;
  let browser: Browser | undefined;

  // A setup failure (provisioning, code-server, Chromium) is rethrown by every test, so each one
  // is reported as failed with the reason rather than cancelled.
  let setupError: unknown;
  before(async () => {
    try {
      const env = await provision(['vscode']);
      assertBuilt();
      cs = await startCodeServer(env);
      browser = await launchChromium(env, cs.dir);
    } catch (e) {
      setupError = e;
    }
  }, { timeout: 25 * MINUTE });

  after(async () => {
    await browser?.close().catch(() => undefined);
    await cs?.stop();
  });

  /** A fresh browser context with a page that records the workbench console. */
  async function openPage(): Promise<{ page: Page; consoleLines: string[]; close(): Promise<void> }> {
    if (setupError) throw setupError;
    const context = await browser!.newContext({ viewport: { width: 1400, height: 860 }, locale: 'zh-CN' });
    const page = await context.newPage();
    const consoleLines: string[] = [];
    page.on('console', (m) => {
      const text = m.text();
      // The marketplace (open-vsx.org) is unreachable offline; its errors are noise.
      if (!/open-vsx\.org|ERR_NAME_NOT_RESOLVED/.test(text)) consoleLines.push(`[${m.type()}] ${text}`);
    });
    page.on('pageerror', (e) => consoleLines.push(`[pageerror] ${e.message}`));
    return { page, consoleLines, close: () => context.close().catch(() => undefined) };
  }

  it('extension-host API tests pass (diagnostics, symbols, folding, commands)', { timeout: 3 * MINUTE }, async () => {
    const { page, consoleLines, close } = await openPage();
    const t0 = Date.now();
    try {
      let resolveExit!: (code: number) => void;
      const exited = new Promise<number>((r) => (resolveExit = r));
      await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
      // A snapshot of the compiled test module (self-contained: it needs only `vscode` and
      // node:assert), so a rebuild that empties out/ during the run cannot pull it away.
      const testsDir = join(cs!.dir, 'extension-host');
      mkdirSync(testsDir);
      copyFileSync(join(REPO_ROOT, 'out', 'test', 'e2e', 'extension-host', 'index.js'), join(testsDir, 'index.js'));
      await page.goto(cs!.url([
        ['extensionDevelopmentPath', cs!.remoteUri(REPO_ROOT)],
        ['extensionTestsPath', cs!.remoteUri(testsDir)],
        ['skipWelcome', 'true'],
      ]));
      const limit = 150_000;
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), limit).unref())]);
      // Extension host output reaches the workbench console as "%c INFO color: … gongwen-e2e: …".
      const ours = consoleLines.filter((l) => l.includes('gongwen-e2e:')).map((l) => l.slice(l.indexOf('gongwen-e2e:')));
      log(`extension-host tests exited with ${code} after ${Date.now() - t0} ms\n${ours.join('\n')}`);
      if (code !== 0) {
        const relevant = consoleLines.filter((l) => /gongwen|error|fail|Extension Host/i.test(l)).slice(-80);
        assert.fail(
          `extension-host tests ${code === 'timeout' ? `did not finish within ${limit} ms` : `exited with code ${code}`}\n` +
            `--- workbench console (extension host output) ---\n${relevant.join('\n')}\n` +
            `--- code-server log ---\n${cs!.logTail()}`,
        );
      }
      assert.ok(ours.some((l) => /\d+ passed, 0 failed/.test(l)), `no summary line from the extension-host tests:\n${consoleLines.slice(-40).join('\n')}`);
    } finally {
      await close();
    }
  });

  it('UI: squiggles, Problems panel, status bar and outline for a draft 通知', { timeout: 3 * MINUTE }, async () => {
    const { page, consoleLines, close } = await openPage();
    const shot = join(RESULTS_DIR, 'vscode-problems.png');
    mkdirSync(RESULTS_DIR, { recursive: true });
    const t0 = Date.now();
    const step = (s: string) => log(`UI ${((Date.now() - t0) / 1000).toFixed(1)}s ${s}`);
    try {
      // The extension is loaded from the repository like an extension development host.
      await page.goto(cs!.url([['extensionDevelopmentPath', cs!.remoteUri(REPO_ROOT)], ['skipWelcome', 'true']]));
      await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
      step('workbench loaded');

      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'draft.gw' });
      await row.waitFor({ timeout: 60_000 });
      await row.click();
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.view-lines').waitFor({ timeout: 30_000 });
      step('draft.gw open');

      await editor.locator('.squiggly-error').first().waitFor({ timeout: 90_000 });
      await editor.locator('.squiggly-warning').first().waitFor({ timeout: 30_000 });
      step('error and warning squiggles shown');

      const status = page.locator('.statusbar-item', { hasText: '公文：' }).first();
      await status.waitFor({ timeout: 30_000 });
      const statusText = (await status.innerText()).trim();
      step(`status bar: ${statusText}`);
      assert.match(statusText, /^公文：通知/);

      await editor.locator('.view-lines').click();
      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      const docNumberRow = rows.filter({ hasText: '发文字号' }).first();
      await docNumberRow.waitFor({ timeout: 30_000 });
      const rowTexts = await rows.allInnerTexts();
      step(`Problems panel: ${JSON.stringify(rowTexts)}`);
      assert.ok(rowTexts.some((t) => t.includes('发文字号') && t.includes('doc-number-format')), 'Problems row for 发文字号 lacks the rule id');
      assert.ok(rowTexts.some((t) => t.includes('heading-sequence')), 'no heading-sequence row in the Problems panel');

      // The Outline view (a collapsed section of the Explorer) shows the server's document symbols.
      const outlineHeader = page.locator('.pane-header').filter({ hasText: /^Outline/ }).first();
      await outlineHeader.waitFor({ timeout: 10_000 });
      if ((await outlineHeader.getAttribute('aria-expanded')) !== 'true') await outlineHeader.click();
      const outline = page.locator('.outline-pane .monaco-list-row');
      await outline.filter({ hasText: '版头' }).first().waitFor({ timeout: 30_000 });
      const outlineTexts = await outline.allInnerTexts();
      step(`outline: ${JSON.stringify(outlineTexts)}`);
      assert.ok(outlineTexts.some((t) => t.includes('主体')), 'outline lacks 主体');

      await editor.locator('.view-lines').click();
      await page.screenshot({ path: shot });
      step(`screenshot ${shot}`);
      if (process.env.UPDATE_SCREENSHOT === '1') {
        mkdirSync(join(REPO_ROOT, 'docs'), { recursive: true });
        copyFileSync(shot, join(REPO_ROOT, 'docs', 'screenshot.png'));
        step('docs/screenshot.png updated');
      }
    } catch (e) {
      const failShot = join(RESULTS_DIR, 'vscode-failure.png');
      await page.screenshot({ path: failShot }).catch(() => undefined);
      const relevant = consoleLines.filter((l) => /gongwen|error|fail/i.test(l)).slice(-40);
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\nscreenshot: ${failShot}\n` +
          `--- workbench console ---\n${relevant.join('\n')}\n--- code-server log ---\n${cs!.logTail()}`,
        { cause: e },
      );
    } finally {
      await close();
    }
  });
});
