// `npm run preview [-- --vault DIR]`: the UI in any browser, over the test transport, for review on
// a machine without a display or Electron. Loopback only; the printed URL carries the access token.
import { resolve } from 'node:path';
import { startHarness } from './server';

const i = process.argv.indexOf('--vault');
const vaultDir = resolve(i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : '.vault-dev');
const harness = await startHarness({ vaultDir, demoVaultDir: `${vaultDir}-demo` });
process.stdout.write(`NAW Desk preview (vault ${vaultDir})\nOpen: ${harness.url}\nCtrl+C stops.\n`);
const stop = async () => {
  await harness.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
