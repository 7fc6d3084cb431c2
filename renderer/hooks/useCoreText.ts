import { useTranslation } from 'react-i18next';

/**
 * Words a message of the core (a key from shared/messages and its parameters) in the UI language.
 * A `field` parameter is a path into the input (`requester.name`); it is shown by its label under
 * `core:fields` where one exists.
 */
export function useCoreText(): (key: string, params?: Record<string, string | number>) => string {
  const { t } = useTranslation('core');
  // `items.3.port` is labelled as an identifier's port: the index is left out, because the core
  // counts items from 0 in a schema path and from 1 in an amendment.
  const label = (path: string) => {
    const plain = path.replace(/^items\.\d+(?:\.|$)/, 'item.').replace(/\.$/, '.value');
    return t(`fields.${plain}` as 'input.invalid', { defaultValue: path });
  };
  return (key, params = {}) => {
    const field = typeof params.field === 'string' ? label(params.field) : params.field;
    return t(key as 'input.invalid', { ...params, field, defaultValue: key });
  };
}
