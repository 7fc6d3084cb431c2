import type { HandlerMap } from '../context';
import { readSettings, writeSetting } from '../settings-store';

export const settingsHandlers: HandlerMap<'settings.get' | 'settings.update'> = {
  'settings.get': (_input, ctx) => readSettings(ctx.db),
  'settings.update': (input, ctx) => {
    const before = readSettings(ctx.db);
    const changed = Object.entries(input).filter(
      ([k, v]) =>
        v !== undefined && JSON.stringify(v) !== JSON.stringify(before[k as keyof typeof before]),
    );
    if (changed.length > 0) {
      ctx.db.transaction(() => {
        for (const [k, v] of changed) writeSetting(ctx.db, k, v);
        ctx.audit('settings.changed', 'settings', {
          before: Object.fromEntries(changed.map(([k]) => [k, before[k as keyof typeof before]])),
          after: Object.fromEntries(changed),
        });
      })();
    }
    return readSettings(ctx.db);
  },
};
