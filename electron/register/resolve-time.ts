import { parseOffset } from '../../shared/moment';
import type { DeskContext } from '../core/context';
import { wordedError } from '../core/errors';
import { addEvent } from './events';
import { notDecided } from './status';
import { loadItems, loadRequest, requestSubject, resolvedOf, type ItemRow } from './store';

type End = 'from' | 'to';

/** The candidate the officer chose for an item (or an end of its period) whose local time occurred twice. */
function chosenCandidate(item: ItemRow, index: number, offset: string, end: End) {
  const minutes = parseOffset(offset);
  const resolved = resolvedOf(item);
  const at = end === 'to' ? resolved.periodTo : resolved;
  const candidates = at?.timeCandidates ?? [];
  const chosen = candidates.find((c) => c.offsetMinutes === minutes);
  if (at?.timeStatus !== 'ambiguous_time' || !chosen) {
    throw at?.timeStatus !== 'ambiguous_time'
      ? wordedError('CONFLICT', 'register.noAmbiguousTime', { index })
      : wordedError('CONFLICT', 'register.chooseOffset', {
          index,
          offsets: candidates.map((c) => c.offset).join(' / '),
        });
  }
  return chosen;
}

/**
 * The officer chooses the offset of an item whose local time occurred twice; for a period item,
 * of the end that did (`from`, its start, unless told `to`).
 */
export function resolveTime(
  ctx: DeskContext,
  registerNo: string,
  index: number,
  offset: string,
  end: End = 'from',
): void {
  ctx.db.transaction(() => {
    const r = loadRequest(ctx.db, registerNo);
    notDecided(r, 'changing an item');
    const item = loadItems(ctx.db, r.id).find((i) => i.idx === index);
    if (!item) throw wordedError('NOT_FOUND', 'amend.noItem', { no: registerNo, index });
    const chosen = chosenCandidate(item, index, offset, end);
    ctx.db
      .prepare(
        end === 'to'
          ? `UPDATE request_item SET period_to_status = 'ok', period_to_utc_ms = ? WHERE id = ?`
          : `UPDATE request_item SET time_status = 'ok', utc_ms = ? WHERE id = ?`,
      )
      .run(chosen.utcMs, item.id);
    const which = item.period_to === null ? {} : { end };
    addEvent(ctx, r.id, 'time_resolved', {
      index,
      ...which,
      offset: chosen.offset,
      utc: chosen.utc,
    });
    ctx.audit('request.time_resolved', requestSubject(r), {
      index,
      ...which,
      offset: chosen.offset,
    });
  })();
}
