import { parseOffset } from '../../shared/moment';
import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import { addEvent } from './events';
import { notDecided } from './status';
import { loadItems, loadRequest, requestSubject, resolvedOf, type ItemRow } from './store';

/** The candidate the officer chose for an item whose local time occurred twice. */
function chosenCandidate(item: ItemRow, index: number, offset: string) {
  const minutes = parseOffset(offset);
  const candidates = resolvedOf(item).timeCandidates;
  const chosen = candidates.find((c) => c.offsetMinutes === minutes);
  if (item.time_status !== 'ambiguous_time' || !chosen) {
    throw item.time_status !== 'ambiguous_time'
      ? wordedError('CONFLICT', 'register.noAmbiguousTime', { index })
      : wordedError('CONFLICT', 'register.chooseOffset', {
          index,
          offsets: candidates.map((c) => c.offset).join(' / '),
        });
  }
  return chosen;
}

/** The officer chooses the offset of an item whose local time occurred twice. */
export function resolveTime(
  ctx: DeskContext,
  registerNo: string,
  index: number,
  offset: string,
): void {
  ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    notDecided(r, 'changing an item');
    const item = loadItems(ctx.db, r.id).find((i) => i.idx === index);
    if (!item) throw wordedError('NOT_FOUND', 'amend.noItem', { no: registerNo, index });
    const chosen = chosenCandidate(item, index, offset);
    ctx.db
      .prepare(`UPDATE request_item SET time_status = 'ok', utc_ms = ? WHERE id = ?`)
      .run(chosen.utcMs, item.id);
    addEvent(ctx, r.id, 'time_resolved', { index, offset: chosen.offset, utc: chosen.utc });
    ctx.audit('request.time_resolved', requestSubject(r), { index, offset: chosen.offset });
  })();
}
