import { CHANNEL_NAMES } from './channel-names';
import type { Channel } from './contract';
import type { InputOf, OutputOf } from './contract';
import type { Result } from './result';

type DomainOf<C extends string> = C extends `${infer D}.${string}` ? D : never;
type MethodOf<C extends string, D extends string> = C extends `${D}.${infer M}` ? M : never;

/** The typed API the renderer sees as `window.desk`: `desk.vault.unlock({...})` and so on. */
export type DeskApi = {
  [D in DomainOf<Channel>]: {
    [M in MethodOf<Channel, D>]: `${D}.${M}` extends infer C extends Channel
      ? (input: InputOf<C>) => Promise<Result<OutputOf<C>>>
      : never;
  };
};

export type Invoke = (channel: Channel, input: unknown) => Promise<Result<unknown>>;

/**
 * Builds the purpose-named API object from one `invoke` function. The Electron preload passes
 * ipcRenderer.invoke; the browser test harness passes an HTTP call. Same shape, same channels.
 */
export function buildDesk(invoke: Invoke): DeskApi {
  const desk: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNEL_NAMES) {
    const [domain, method] = channel.split('.') as [string, string];
    desk[domain] ??= {};
    desk[domain][method] = (input: unknown) => invoke(channel, input ?? {});
  }
  return desk as unknown as DeskApi;
}
