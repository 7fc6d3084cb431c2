import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CatalogueView } from '../../../../shared/schemas/catalogue';
import { desk, unwrap } from '../../../api';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Field, SelectField } from '../../../components/Field';
import { FormFooter } from '../../../components/FormFooter';
import { Table } from '../../../components/Table';
import { useCatalogueText } from '../../../hooks/useCatalogueText';
import { useDeskAction } from '../../../hooks/useDeskAction';
import { useDeskData } from '../../../hooks/useDeskData';
import { CATALOGUE_REASONS } from './catalogue-reasons';

/**
 * HI-1 senders (ETSI TS 103 120): which authority a sender's country code and unique identifier
 * are. An order from a sender not linked here fails the checks until an admin links it.
 */
export function Hi1SendersPanel({ authorities }: { authorities: CatalogueView['authorities'] }) {
  const { t } = useTranslation('catalogue');
  const { authorityName } = useCatalogueText();
  const {
    data: senders,
    error,
    reload,
  } = useDeskData(async () => unwrap(await desk.hi1.senders({})), []);
  const { busy, error: actionError, done, run } = useDeskAction();
  const [country, setCountry] = useState('');
  const [identifier, setIdentifier] = useState('');
  const active = authorities.filter((a) => a.active);
  const [authority, setAuthority] = useState(active[0]?.code ?? '');
  const [missing, setMissing] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!country.trim() || !identifier.trim() || !authority) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const ok = await run(async () => {
      const s = unwrap(
        await desk.hi1.linkSender({
          countryCode: country,
          uniqueIdentifier: identifier,
          authority,
        }),
      );
      await reload();
      return t('hi1.linked', {
        sender: `${s.countryCode} ${s.uniqueIdentifier}`,
        name: s.authorityName,
      });
    });
    if (ok) {
      setCountry('');
      setIdentifier('');
    }
  }

  const unlink = (countryCode: string, uniqueIdentifier: string) =>
    run(async () => {
      unwrap(await desk.hi1.unlinkSender({ countryCode, uniqueIdentifier }));
      await reload();
      return t('hi1.unlinked', { sender: `${countryCode} ${uniqueIdentifier}` });
    });

  return (
    <section className="subform" aria-labelledby="hi1-senders-heading">
      <h3 id="hi1-senders-heading">{t('hi1.title')}</h3>
      <p className="muted">{t('hi1.intro')}</p>
      <ErrorAlert error={error} />
      {senders && (
        <Table
          caption={t('hi1.caption')}
          columns={[
            t('hi1.country'),
            t('hi1.identifier'),
            t('hi1.authority'),
            { label: t('hi1.actions'), srOnly: true },
          ]}
          after={senders.length === 0 && <p>{t('hi1.none')}</p>}
        >
          {senders.map((s) => (
            <tr key={`${s.countryCode}/${s.uniqueIdentifier}`}>
              <td>{s.countryCode}</td>
              <td className="mono">{s.uniqueIdentifier}</td>
              <td>{authorityName({ code: s.authorityCode, name: s.authorityName })}</td>
              <td>
                <button
                  type="button"
                  className="btn btn--small"
                  disabled={busy}
                  aria-label={t('hi1.unlinkFor', {
                    sender: `${s.countryCode} ${s.uniqueIdentifier}`,
                  })}
                  onClick={() => void unlink(s.countryCode, s.uniqueIdentifier)}
                >
                  {t('hi1.unlink')}
                </button>
              </td>
            </tr>
          ))}
        </Table>
      )}
      <form onSubmit={submit} noValidate aria-busy={busy}>
        <div className="grid-2">
          <Field
            label={t('hi1.country')}
            hint={t('hi1.countryHint')}
            hintBelow
            value={country}
            maxLength={2}
            required
            onChange={(e) => setCountry(e.target.value)}
            error={missing && !country.trim() ? t('contacts.required') : null}
          />
          <Field
            label={t('hi1.identifier')}
            value={identifier}
            required
            onChange={(e) => setIdentifier(e.target.value)}
            error={missing && !identifier.trim() ? t('contacts.required') : null}
            className="field--mono"
          />
        </div>
        <SelectField
          label={t('hi1.authority')}
          value={authority}
          onChange={(e) => setAuthority(e.target.value)}
        >
          {active.map((a) => (
            <option key={a.code} value={a.code}>
              {authorityName(a)}
            </option>
          ))}
        </SelectField>
        <FormFooter
          error={actionError}
          showReason={CATALOGUE_REASONS}
          status={done}
          busy={busy}
          submit={t('hi1.link')}
        />
      </form>
    </section>
  );
}
