import type { TFunction } from 'i18next';
import type { RequestDetail } from '../../../shared/schemas/requests';

/**
 * An identifier as the officer and approver know it: its number or address (with the source
 * port), not its position in the request. Falls back to the position if the item is unknown.
 */
export function identifierName(
  request: RequestDetail,
  index: number,
  t: TFunction<'requests'>,
): string {
  const item = request.items.find((i) => i.index === index);
  if (!item) return t('form.item', { n: index });
  return item.port !== null
    ? t('flow.itemWithPort', { value: item.value, port: item.port })
    : item.value;
}
