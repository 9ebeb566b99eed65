import { useEffect, useId, useRef, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { useAdminMessages } from './messages';

export type FieldErrors = Record<string, string>;

/** Id of the input for a field name, shared by the field and the error summary's links. */
export const fieldId = (name: string) => 'champ-' + name.replace(/[^a-z0-9_-]/gi, '-');

/**
 * GOV.UK-style summary: takes focus when it appears (or changes) so that keyboard and screen
 * reader users land on the list of problems, each a link to its field.
 */
export function ErrorSummary({ errors, general }: { errors: FieldErrors; general?: string | null }) {
  const { m } = useAdminMessages();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const key = (general ?? '') + entries.map((e) => e.join(':')).join('|');
  useEffect(() => {
    if (key) ref.current?.focus();
  }, [key]);
  if (!key) return null;
  return (
    <div ref={ref} className="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{m.errorSummaryTitle}</h2>
      {general && <p>{general}</p>}
      {entries.length > 0 && (
        <ul>
          {entries.map(([name, message]) => (
            <li key={name}>
              <a
                href={'#' + fieldId(name)}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(fieldId(name))?.focus();
                }}
              >
                {message}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  required?: boolean;
  multiline?: boolean;
}

/** A labelled input whose hint and error are read with it (aria-describedby). */
export function TextField({ name, label, value, onChange, hint, error, required, multiline, ...rest }: FieldProps) {
  const { m } = useAdminMessages();
  const hintId = useId();
  const errorId = useId();
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id: fieldId(name),
    name,
    value,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
  };
  return (
    <div className={'field' + (error ? ' field-error' : '')}>
      <label htmlFor={fieldId(name)}>
        {label} <span className="field-mark">{required ? m.required : ''}</span>
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-message">
          <span className="sr-only">{m.errorPrefix} </span>
          {error}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} {...rest} required={required} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

/** A polite live region: messages placed here are read without moving focus. */
export function Status({ children }: { children: ReactNode }) {
  return (
    <p className="status" role="status">
      {children}
    </p>
  );
}

/**
 * A button that asks before acting, in the page rather than in a browser dialog, so that the
 * question is styled, translated and reachable like everything else.
 */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  disabled,
  secondary = true,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  disabled?: boolean;
  secondary?: boolean;
}) {
  const { m } = useAdminMessages();
  const [asking, setAsking] = useState(false);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) questionRef.current?.focus();
    else if (wasAsking.current) buttonRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking)
    return (
      <button
        ref={buttonRef}
        type="button"
        className={'button' + (secondary ? ' button-secondary' : '')}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {label}
      </button>
    );
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      <div className="actions">
        <button
          type="button"
          className="button"
          onClick={() => {
            setAsking(false);
            onConfirm();
          }}
        >
          {m.confirm}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          {m.cancel}
        </button>
      </div>
    </div>
  );
}
