import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { desk, unwrap } from '../../../api';
import { Field } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { useDeskAction } from '../../../hooks/useDeskAction';
import { AuthorityKindField, type AuthorityKind } from './AuthorityKindField';
import { CATALOGUE_REASONS } from './catalogue-reasons';

/** Adds an authority; its contact channels are added in its editor afterwards. */
export function AddAuthorityForm({ onAdded }: { onAdded: (code: string) => void }) {
  const { t } = useTranslation('catalogue');
  const { busy, error, done, run } = useDeskAction();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AuthorityKind>('police');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!code.trim() || !name.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const ok = await run(async () => {
      const a = unwrap(await desk.catalogue.addAuthority({ code, name, kind, note }));
      onAdded(a.code);
      return t('authorities.added', { name: a.name });
    });
    if (ok) {
      setCode('');
      setName('');
      setNote('');
    }
  }

  return (
    <form className="subform" onSubmit={submit} noValidate aria-busy={busy}>
      <h3>{t('authorities.addTitle')}</h3>
      <div className="grid-2">
        <Field
          label={t('authorities.name')}
          value={name}
          required
          onChange={(e) => setName(e.target.value)}
          error={missing && !name.trim() ? t('contacts.required') : null}
        />
        <Field
          label={t('authorities.code')}
          hint={t('authorities.codeHint')}
          hintBelow
          value={code}
          required
          onChange={(e) => setCode(e.target.value)}
          error={missing && !code.trim() ? t('contacts.required') : null}
          className="field--mono"
        />
      </div>
      <AuthorityKindField value={kind} onChange={setKind} />
      <Field label={t('authorities.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <FormFooter
        error={error}
        showReason={CATALOGUE_REASONS}
        status={done}
        busy={busy}
        submit={t('authorities.add')}
      />
    </form>
  );
}
