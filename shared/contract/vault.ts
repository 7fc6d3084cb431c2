import { z } from 'zod';
import { Ack, Empty, SessionUser } from '../schemas/common';
import { AuditListInput, AuditListOutput, AuditVerifyOutput, ChainHead } from '../schemas/audit';
import { Settings, UpdateSettingsInput } from '../schemas/settings';
import { AddUserInput, ChangeOwnPassphraseInput, UserRecord } from '../schemas/users';
import {
  CreateVaultInput,
  CreateVaultOutput,
  LockInput,
  OpenDemoOutput,
  RestoreAccessInput,
  UnlockInput,
  VaultState,
  VaultSummary,
} from '../schemas/vault';
import { spec } from './spec';

/** Vault, session, users, audit log and settings. */
export const vaultContract = {
  'vault.state': spec(Empty, VaultState, 'public'),
  'vault.create': spec(CreateVaultInput, CreateVaultOutput, 'public'),
  'vault.unlock': spec(UnlockInput, SessionUser, 'public'),
  'vault.lock': spec(LockInput, Ack, 'public'),
  'vault.restoreAccess': spec(RestoreAccessInput, Ack, 'public'),
  'vault.openDemo': spec(Empty, OpenDemoOutput, 'public'),
  'vault.leaveDemo': spec(Empty, Ack, 'public'),
  'vault.summary': spec(Empty, VaultSummary, 'vault.read'),
  'session.activity': spec(Empty, Ack, 'session'),
  'users.list': spec(Empty, z.array(UserRecord), 'users.manage'),
  'users.add': spec(AddUserInput, UserRecord, 'users.manage'),
  'users.changeOwnPassphrase': spec(ChangeOwnPassphraseInput, Ack, 'session'),
  'audit.list': spec(AuditListInput, AuditListOutput, 'audit.read'),
  'audit.verify': spec(Empty, AuditVerifyOutput, 'audit.read'),
  'audit.head': spec(Empty, ChainHead, 'session'),
  'audit.actions': spec(Empty, z.array(z.string()), 'audit.read'),
  'settings.get': spec(Empty, Settings, 'session'),
  'settings.update': spec(UpdateSettingsInput, Settings, 'settings.manage'),
};
