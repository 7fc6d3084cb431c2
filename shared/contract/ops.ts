import { Ack, Empty } from '../schemas/common';
import {
  AuditExportInput,
  AuditExportOutput,
  CheckWitnessInput,
  CheckWitnessOutput,
  Witness,
} from '../schemas/audit';
import {
  BackupInput,
  BackupOutput,
  DemoInput,
  DemoOutput,
  PurgeDue,
  PurgeInput,
  PurgeOutput,
  PurgePreview,
  RestoreInput,
  RestoreOutput,
} from '../schemas/ops';
import { Logo, SetLogoInput } from '../schemas/settings';
import {
  ChangeRoleInput,
  EnableUserInput,
  ResetPassphraseInput,
  UserByName,
  UserRecord,
} from '../schemas/users';
import { spec } from './spec';

/**
 * Operating the desk (issue 7): user administration, the letterhead logo, audit export and chain
 * witnesses, backup/restore, retention and purge, the demo vault. The `users.*`, `settings.*` and
 * `audit.*` channels extend those domains (their handlers live in handlers/users.ts, settings.ts,
 * audit.ts); the `ops.*` channels are in handlers/ops.ts.
 */
export const opsContract = {
  'users.disable': spec(UserByName, UserRecord, 'users.manage'),
  'users.enable': spec(EnableUserInput, UserRecord, 'users.manage'),
  'users.changeRole': spec(ChangeRoleInput, UserRecord, 'users.manage'),
  'users.resetPassphrase': spec(ResetPassphraseInput, UserRecord, 'users.manage'),

  'settings.logo': spec(Empty, Logo.nullable(), 'session'),
  'settings.setLogo': spec(SetLogoInput, Logo, 'settings.manage'),
  'settings.clearLogo': spec(Empty, Ack, 'settings.manage'),

  'audit.export': spec(AuditExportInput, AuditExportOutput, 'audit.read'),
  'audit.witness': spec(Empty, Witness, 'session'),
  'audit.checkWitness': spec(CheckWitnessInput, CheckWitnessOutput, 'audit.read'),

  'ops.backup': spec(BackupInput, BackupOutput, 'settings.manage'),
  'ops.restore': spec(RestoreInput, RestoreOutput, 'public'),
  'ops.purgePreview': spec(Empty, PurgePreview, 'settings.manage'),
  'ops.purge': spec(PurgeInput, PurgeOutput, 'settings.manage'),
  'ops.purgeDue': spec(Empty, PurgeDue, 'settings.manage'),
  'ops.createDemo': spec(DemoInput, DemoOutput, 'public'),
};
