// `npm start`: checks that the Electron binary is installed and that its sandbox can start on this
// Linux (scripts/linux-sandbox.mjs), builds the app (main bundles + renderer), makes sure the SQLite
// module is built for Electron's ABI in .native/ (scripts/native-electron.mjs), and launches
// Electron with NAW_DESK_NATIVE_BINDING pointing at that build. node_modules keeps the Node-ABI
// build for `npm test` and the CLI. Extra arguments are passed on to the app.
// `npm run smoke:electron` (scripts/smoke-electron.mjs) prepares the same way.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Where the Electron binary is, or why not. The `electron` package resolves to the binary's path
 * (from its path.txt, written by its install script); it throws when the download never happened.
 */
export function electronBinary(projectRoot = root) {
  const pkg = join(projectRoot, 'node_modules', 'electron', 'package.json');
  if (!existsSync(pkg)) return { ok: false, reason: 'the electron package is not installed' };
  const version = JSON.parse(readFileSync(pkg, 'utf8')).version;
  let path;
  try {
    path = createRequire(pkg)('./index.js');
  } catch {
    return { ok: false, version, reason: 'its binary was never downloaded' };
  }
  if (typeof path !== 'string' || !existsSync(path)) {
    return { ok: false, version, reason: `its binary is missing (${path})` };
  }
  return { ok: true, version, path };
}

export function missingBinaryMessage(status) {
  return [
    `NAW Desk cannot start: Electron ${status.version ?? ''} is not usable, ${status.reason}.`.replace(
      '  ',
      ' ',
    ),
    '',
    'This happens when npm installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1 (as CI does) or the download failed.',
    'Fix it with one of these, then run `npm start` again:',
    '  node node_modules/electron/install.js    downloads the Electron binary for this machine',
    '  npm install                              re-runs the download as part of the install',
    '(Unset ELECTRON_SKIP_BINARY_DOWNLOAD in your shell first if it is set.)',
    '',
    'The tests, the CLI (npx naw-desk) and the browser preview (npm run preview) do not need Electron.',
  ].join('\n');
}

function buildApp() {
  console.log('Building the main process and the renderer…');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('the renderer build (vite build) failed; see above');
}

/**
 * Everything before Electron is launched: the binary, the sandbox, the build, the native module.
 * Returns what to launch, or the exit code after the reason was printed.
 */
export async function prepareDesktop(env = process.env) {
  const electron = electronBinary();
  if (!electron.ok) {
    console.error(missingBinaryMessage(electron));
    return { code: 1 };
  }
  const { sandboxProblem } = await import(
    pathToFileURL(join(root, 'scripts', 'linux-sandbox.mjs')).href
  );
  const sandbox = env.NAW_DESK_SKIP_SANDBOX_CHECK
    ? null
    : sandboxProblem({ electronPath: electron.path });
  if (sandbox) {
    console.error(sandbox);
    return { code: 1 };
  }

  const { buildMain } = await import(pathToFileURL(join(root, 'scripts', 'build-main.mjs')).href);
  buildMain();
  buildApp();

  const { ensureElectronNative, nodeBuildWarning } = await import(
    pathToFileURL(join(root, 'scripts', 'native-electron.mjs')).href
  );
  const warning = nodeBuildWarning();
  if (warning) console.warn(warning);
  let native;
  try {
    native = await ensureElectronNative({ electronVersion: electron.version });
  } catch (e) {
    console.error(
      [
        `NAW Desk cannot start: the SQLite module could not be built for Electron ${electron.version}.`,
        `  ${e?.message ?? e}`,
        'It needs either internet access (to download the prebuilt module for this Electron version) or a',
        'C++ toolchain to compile it: Python 3 with make and g++ (Linux), the Xcode command line tools',
        '(macOS), or Visual Studio Build Tools with "Desktop development with C++" (Windows).',
        'Then run `npm start` again. `node scripts/native-electron.mjs` retries only this step.',
      ].join('\n'),
    );
    return { code: 1 };
  }
  return { electron, native };
}

/** The environment Electron is launched with: the native build, and never run-as-Node. */
export function electronEnv(nativePath, env = process.env) {
  const out = { ...env, NAW_DESK_NATIVE_BINDING: nativePath };
  // Electron would otherwise run as plain Node (a development run does not have the fuses yet).
  delete out.ELECTRON_RUN_AS_NODE;
  return out;
}

async function main() {
  const ready = await prepareDesktop();
  if (!ready.electron) return ready.code;
  const { electron, native } = ready;
  const env = electronEnv(native.path);
  const child = spawn(electron.path, [root, ...process.argv.slice(2)], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!child.killed) child.kill(signal);
    });
  }
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main()
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e) => {
      console.error(`npm start failed: ${e?.message ?? e}`);
      process.exitCode = 1;
    });
}
