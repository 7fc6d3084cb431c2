import { z } from 'zod';
import { Ack, Empty } from '../schemas/common';
import {
  AddUserInput,
  ChangeOwnPassphraseInput,
  ChangeRoleInput,
  EnableUserInput,
  ResetPassphraseInput,
  UserByName,
  UserRecord,
} from '../schemas/users';
import { spec } from './spec';

/** User accounts: each has a key slot; admins manage them, everyone changes their own passphrase. */
export const usersContract = {
  'users.list': spec(Empty, z.array(UserRecord), 'users.manage'),
  'users.add': spec(AddUserInput, UserRecord, 'users.manage'),
  'users.changeOwnPassphrase': spec(ChangeOwnPassphraseInput, Ack, 'session'),
  'users.disable': spec(UserByName, UserRecord, 'users.manage'),
  'users.enable': spec(EnableUserInput, UserRecord, 'users.manage'),
  'users.changeRole': spec(ChangeRoleInput, UserRecord, 'users.manage'),
  'users.resetPassphrase': spec(ResetPassphraseInput, UserRecord, 'users.manage'),
};
