import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueAuthority } from '../../../../shared/schemas/catalogue';
import { desk, unwrap } from '../../../api';
import { CheckField, Field } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { useDeskAction } from '../../../hooks/useDeskAction';
import { useCatalogueText } from '../../../hooks/useCatalogueText';
import { AuthorityKindField, type AuthorityKind } from './AuthorityKindField';
import { CATALOGUE_REASONS } from './catalogue-reasons';
import { ContactsPanel } from './ContactsPanel';

/** One authority: name, kind, active, legacy flag, note; its contact channels; remove if unused. */
export function AuthorityEditor({
  authority: a,
  onChanged,
  onRemoved,
  onClose,
}: {
  authority: CatalogueAuthority;
  onChanged: () => void;
  onRemoved: (message: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('catalogue');
  const { authorityName } = useCatalogueText();
  const { busy, error, done, run } = useDeskAction();
  const [name, setName] = useState(a.name);
  const [kind, setKind] = useState<AuthorityKind>(a.kind);
  const [active, setActive] = useState(a.active);
  const [legacy, setLegacy] = useState(a.legacy);
  const [note, setNote] = useState(a.note);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  async function save(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      const next = unwrap(
        await desk.catalogue.updateAuthority({ code: a.code, name, kind, active, legacy, note }),
      );
      onChanged();
      return t('authorities.saved', { name: next.name });
    });
  }

  async function remove() {
    await run(async () => {
      unwrap(await desk.catalogue.removeAuthority({ code: a.code }));
      onRemoved(t('authorities.removed'));
      return null;
    });
  }

  return (
    <div className="catalogue-editor" role="group" aria-labelledby={`authority-${a.code}`}>
      <h3 id={`authority-${a.code}`} ref={heading} tabIndex={-1}>
        {authorityName(a)} <code>{a.code}</code>
      </h3>
      <form onSubmit={save} noValidate aria-busy={busy}>
        <Field
          label={t('authorities.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <AuthorityKindField value={kind} onChange={setKind} />
        <CheckField
          id={`active-${a.code}`}
          label={t('authorities.activeLabel')}
          checked={active}
          onChange={setActive}
        />
        <CheckField
          id={`legacy-${a.code}`}
          label={t('authorities.legacyLabel')}
          checked={legacy}
          onChange={setLegacy}
        />
        <Field
          label={t('authorities.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <FormFooter
          error={error}
          showReason={CATALOGUE_REASONS}
          status={done}
          busy={busy}
          submit={t('authorities.save')}
        >
          {a.requestCount === 0 && !confirmRemove && (
            <button type="button" className="btn" onClick={() => setConfirmRemove(true)}>
              {t('authorities.remove')}
            </button>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {t('authorities.close')}
          </button>
        </FormFooter>
        {a.requestCount > 0 && (
          <p className="muted">{t('authorities.inUse', { n: a.requestCount })}</p>
        )}
        {confirmRemove && (
          <div className="alert alert--warning" role="alert">
            <p>{t('authorities.confirmRemove', { name: authorityName(a) })}</p>
            <div className="actions">
              <button type="button" className="btn btn--primary" onClick={() => void remove()}>
                {t('authorities.confirmRemoveYes')}
              </button>
              <button type="button" className="btn" onClick={() => setConfirmRemove(false)}>
                {t('authorities.cancel')}
              </button>
            </div>
          </div>
        )}
      </form>
      <ContactsPanel authority={a} onChanged={onChanged} />
    </div>
  );
}
