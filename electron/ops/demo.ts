import type { DemoOutput } from '../../shared/schemas/ops';
import type { DeskSession } from '../api/session';
import { DeskError } from '../api/errors';

export async function createDemoVault(
  _session: DeskSession,
  _o: { passphrase?: string | undefined; adminName: string; years: number; seed: number },
): Promise<DemoOutput> {
  throw new DeskError('CONFLICT', 'The demo vault is not built yet.');
}
