import {
  addUser,
  changeOwnPassphrase,
  changeRole,
  disableUser,
  enableUser,
  resetPassphrase,
} from './accounts';
import { listUsers } from './records';
import type { HandlerMap } from '../core/context';
import type { usersContract } from '../../shared/contract/users';

type UserChannels = keyof typeof usersContract;

/** Handlers of the users domain; the rules are in electron/users/accounts.ts. */
export const userHandlers: HandlerMap<UserChannels> = {
  'users.list': (_input, ctx) => listUsers(ctx.db),
  'users.add': (input, ctx) => addUser(ctx, input),
  'users.changeOwnPassphrase': (input, ctx) => changeOwnPassphrase(ctx, input),
  'users.disable': (input, ctx) => disableUser(ctx, input.name),
  'users.enable': (input, ctx) => enableUser(ctx, input),
  'users.changeRole': (input, ctx) => changeRole(ctx, input),
  'users.resetPassphrase': (input, ctx) => resetPassphrase(ctx, input),
};
