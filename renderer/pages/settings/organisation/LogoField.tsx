import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Logo } from '../../../../shared/schemas/settings';
import { desk, hostKind, unwrap } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useDeskAction } from '../../../hooks/useDeskAction';

/**
 * The letterhead logo: the app picks it with the native dialog, a browser uploads it; either way
 * the core only sees a file token, checks type and size, and stores the image in the vault.
 */
export function LogoField() {
  const { t } = useTranslation('ops');
  const input = useRef<HTMLInputElement>(null);
  const [logo, setLogo] = useState<Logo | null>(null);
  const { busy, error, run: act } = useDeskAction();

  useEffect(() => {
    void (async () => {
      // Quietly "no logo" when it cannot be read; choosing one reports any problem.
      const r = await desk.settings.logo({});
      if (r.ok) setLogo(r.data);
    })();
  }, []);

  async function store(token: string) {
    setLogo(unwrap(await desk.settings.setLogo({ token })));
  }

  function choose() {
    if (hostKind() === 'electron') {
      void act(async () => {
        const picked = unwrap(await desk.files.pickOpen({ purpose: 'logo' }));
        if (picked) await store(picked.token);
      });
    } else input.current?.click();
  }

  return (
    <div className="field">
      <p id="logo-label">
        <strong>{t('organisation.logo')}</strong>
      </p>
      <p className="field__hint">{t('organisation.logoHint')}</p>
      {logo ? (
        <img
          className="logo-preview"
          height={64}
          src={`data:${logo.mime};base64,${logo.base64}`}
          alt={t('organisation.logoAlt')}
        />
      ) : (
        <p className="muted">{t('organisation.logoNone')}</p>
      )}
      <input
        ref={input}
        type="file"
        accept=".png,.svg,image/png,image/svg+xml"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          const upload = window.deskHost?.upload;
          if (file && upload) void act(async () => store((await upload(file)).token));
        }}
      />
      <div className="actions">
        <button
          type="button"
          className="btn"
          onClick={choose}
          disabled={busy}
          aria-describedby="logo-label"
        >
          {t('organisation.logoChoose')}
        </button>
        {logo && (
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                unwrap(await desk.settings.clearLogo({}));
                setLogo(null);
              })
            }
          >
            {t('organisation.logoRemove')}
          </button>
        )}
      </div>
      <ErrorAlert error={error} showReason={['CONFLICT']} />
    </div>
  );
}
