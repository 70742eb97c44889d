// Runs the extension-host tests (test/e2e/extension-host) in desktop VS Code through
// @vscode/test-electron. NOT part of `npm test`: it needs a VS Code build, which test-electron
// downloads from update.code.visualstudio.com (unreachable on the CI machines, where
// test/e2e/vscode.test.ts runs the same module under code-server instead).
//
// On a machine with internet access or a local VS Code:
//   npm run build
//   node out/test/e2e/run-electron.js                               # downloads VS Code stable into .vscode-test/
//   VSCODE_EXECUTABLE=/usr/share/code/code node out/test/e2e/run-electron.js   # or use an installed one
//   VSCODE_VERSION=1.91.0 node out/test/e2e/run-electron.js         # oldest supported (engines.vscode)
// On a Linux machine without a display, prefix with `xvfb-run -a`.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repo = resolve(__dirname, '..', '..', '..');
  const tmp = mkdtempSync(join(tmpdir(), 'gongwen-electron-'));
  const workspace = join(tmp, 'ws');
  cpSync(join(repo, 'test', 'e2e', 'fixtures', 'ws'), workspace, { recursive: true });
  try {
    const code = await runTests({
      extensionDevelopmentPath: repo,
      extensionTestsPath: join(repo, 'out', 'test', 'e2e', 'extension-host'),
      vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
      version: process.env.VSCODE_VERSION || undefined,
      launchArgs: [
        workspace,
        '--disable-extensions', // only the extension under development
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--user-data-dir', join(tmp, 'user-data'),
      ],
    });
    process.exitCode = code;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error('extension-host tests failed:', e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
