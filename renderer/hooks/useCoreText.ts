import { useTranslation } from 'react-i18next';

/**
 * Words a message of the core (a key from shared/messages and its parameters) in the UI language.
 * A `field` parameter is a path into the input (`requester.name`); it is shown by its label under
 * `core:fields` where one exists.
 */
export function useCoreText(): (key: string, params?: Record<string, string | number>) => string {
  const { t } = useTranslation('core');
  return (key, params = {}) => {
    const field =
      typeof params.field === 'string'
        ? t(`fields.${params.field}` as 'input.invalid', { defaultValue: params.field })
        : params.field;
    return t(key as 'input.invalid', { ...params, field, defaultValue: key });
  };
}
