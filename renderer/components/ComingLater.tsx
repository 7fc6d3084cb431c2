import { useTranslation } from 'react-i18next';
import { Page } from './Page';

/** A section whose content is built later; says so instead of showing an empty screen. */
export function ComingLater({ section }: { section: 'requests' | 'customers' | 'stats' }) {
  const { t } = useTranslation();
  return (
    <Page title={t(`nav.${section}`)}>
      <div className="placeholder">
        <p>{t(`comingLater.${section}`)}</p>
        <p className="muted">{t('comingLater.note')}</p>
      </div>
    </Page>
  );
}
