import { Ack, Empty, SessionUser } from '../schemas/common';
import {
  CreateVaultInput,
  CreateVaultOutput,
  FirstSteps,
  LockInput,
  OpenDemoOutput,
  RestoreAccessInput,
  UnlockInput,
  VaultState,
  VaultSummary,
} from '../schemas/vault';
import { spec } from './spec';

/** The vault and the session: create, unlock, lock, restore access, the demo vault. */
export const vaultContract = {
  'vault.state': spec(Empty, VaultState, 'public'),
  'vault.create': spec(CreateVaultInput, CreateVaultOutput, 'public'),
  'vault.unlock': spec(UnlockInput, SessionUser, 'public'),
  'vault.lock': spec(LockInput, Ack, 'public'),
  'vault.restoreAccess': spec(RestoreAccessInput, Ack, 'public'),
  'vault.openDemo': spec(Empty, OpenDemoOutput, 'public'),
  'vault.leaveDemo': spec(Empty, Ack, 'public'),
  'vault.summary': spec(Empty, VaultSummary, 'vault.read'),
  'vault.firstSteps': spec(Empty, FirstSteps, 'users.manage'),
  'session.activity': spec(Empty, Ack, 'session'),
};
