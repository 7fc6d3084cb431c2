import { Empty } from '../schemas/common';
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
import { spec } from './spec';

/** Operating the desk: backup and restore, retention and purge, making a demo vault. */
export const opsContract = {
  'ops.backup': spec(BackupInput, BackupOutput, 'settings.manage'),
  'ops.restore': spec(RestoreInput, RestoreOutput, 'public'),
  'ops.purgePreview': spec(Empty, PurgePreview, 'settings.manage'),
  'ops.purge': spec(PurgeInput, PurgeOutput, 'settings.manage'),
  'ops.purgeDue': spec(Empty, PurgeDue, 'settings.manage'),
  'ops.createDemo': spec(DemoInput, DemoOutput, 'public'),
};
