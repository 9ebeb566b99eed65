import { useId, useRef } from 'react';
import { useSheetMessages } from './messages';

/**
 * Hands the link over without any server: clipboard, the phone's SMS app, the mail app. Only the
 * link travels, never the note.
 */
interface Props {
  url: string;
  /** In the sheet's language: the message is for the person, not for the helper. */
  subject: string;
  onStatus: (message: string) => void;
}

export function SharePanel({ url, subject, onStatus }: Props) {
  const m = useSheetMessages();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const text = `${subject} : ${url}`;

  // The Clipboard API needs a secure context; the old selection copy covers plain http on a LAN.
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      onStatus(m.copied);
      return;
    } catch {
      // Fall back below.
    }
    input.current?.select();
    const copied = (() => {
      try {
        return document.execCommand('copy');
      } catch {
        return false;
      }
    })();
    onStatus(copied ? m.copied : m.copyFailed);
  };

  return (
    <section className="sheet-share">
      <h2>{m.shareTitle}</h2>
      <p>{m.shareHelp}</p>
      <div className="sheet-share-actions">
        <button type="button" className="button" onClick={() => print()}>
          {m.print}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {m.copyLink}
        </button>
        <a className="button button-secondary" href={`sms:?&body=${encodeURIComponent(text)}`}>
          {m.sms}
        </a>
        <a
          className="button button-secondary"
          href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(text)}`}
        >
          {m.email}
        </a>
      </div>
      <div className="sheet-field">
        <label htmlFor={inputId}>{m.linkLabel}</label>
        <input ref={input} id={inputId} type="text" readOnly value={url} onFocus={(e) => e.target.select()} />
      </div>
    </section>
  );
}
