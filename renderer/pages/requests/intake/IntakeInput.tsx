import { useState } from 'react';
import type { DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hostKind } from '../../../api';
import { StatusMessage } from '../../../components/ErrorAlert';
import { IntakeError } from './IntakeError';
import type { Intake } from './useIntake';

/** The file types offered in the browser's file chooser (the desk reads the content anyway). */
const ACCEPT = '.eml,.msg,.pdf,.txt,.json,.xml,message/rfc822,application/pdf,text/plain';

/**
 * Where a request document comes in: dropped on the zone, chosen (native dialog in the app, a
 * file input in a browser) or pasted as text. While it is read the zone says so.
 */
export function IntakeInput({ intake }: { intake: Intake }) {
  const { t } = useTranslation('intake');
  const [over, setOver] = useState(false);
  const [text, setText] = useState('');
  const [dropRefused, setDropRefused] = useState(false);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (!file) return;
    // A host that can take neither a dropped file nor an upload says so.
    if (!intake.canDrop) return setDropRefused(true);
    setDropRefused(false);
    void intake.drop(file);
  };

  return (
    <section className="panel intake-input" aria-labelledby="sec-intake" aria-busy={intake.busy}>
      <h2 id="sec-intake">{t('input.title')}</h2>
      <p>{t('input.intro')}</p>
      <div
        className={`dropzone${over ? ' dropzone--over' : ''}`}
        data-dropzone="intake"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <p className="dropzone__title">{t('input.drop')}</p>
        <p className="dropzone__formats">{t('input.formats')}</p>
        {hostKind() === 'electron' ? (
          <button
            type="button"
            className="btn btn--primary"
            disabled={intake.busy}
            onClick={() => void intake.pick()}
          >
            {t('input.choose')}
          </button>
        ) : (
          <div className="field">
            <label htmlFor="intake-file">{t('input.file')}</label>
            <input
              id="intake-file"
              type="file"
              accept={ACCEPT}
              disabled={intake.busy}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void intake.upload(file);
                e.target.value = '';
              }}
            />
          </div>
        )}
      </div>
      {dropRefused && <p className="alert alert--warning">{t('input.dropNotHere')}</p>}
      <details className="intake-paste">
        <summary>{t('input.paste')}</summary>
        <div className="field">
          <label htmlFor="intake-text">{t('input.pasteLabel')}</label>
          <textarea
            id="intake-text"
            rows={8}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="btn"
          disabled={intake.busy || !text.trim()}
          onClick={() => void intake.readText(text)}
        >
          {t('input.readText')}
        </button>
      </details>
      <StatusMessage tone="info">{intake.busy ? t('input.reading') : null}</StatusMessage>
      <IntakeError error={intake.error} />
      <p className="intake-input__manual">{t('input.manual')}</p>
    </section>
  );
}
