import { useId, useState } from 'react';
import { TextField } from './form';
import { useAdminMessages } from './messages';
import { dayName, dayTextsToWeek, describeWeek, formatOpeningHours, parseOpeningHours, weekToDayTexts } from './opening-hours';

/** The OSM value as typed, with what the public will read below it, and a day-by-day helper. */
export function HoursEditor({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { m, lang } = useAdminMessages();
  const week = value.trim() ? parseOpeningHours(value) : null;
  const previewId = useId();
  return (
    <div className="hours-editor">
      <TextField
        name="horaires_osm"
        label={m.field.horaires_osm}
        hint={m.hint.horaires_osm}
        value={value}
        onChange={onChange}
        error={error}
        spellCheck={false}
        autoComplete="off"
      />
      <div className="hours-preview" aria-labelledby={previewId} role="region">
        <p id={previewId} className="hours-preview-title">
          {m.hoursPreview}
        </p>
        {/* Polite: the preview is read after the typing pauses, not on every key. */}
        <div aria-live="polite">
          {!value.trim() ? (
            <p>{m.hoursEmpty}</p>
          ) : week ? (
            <ul>
              {describeWeek(week, lang).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p>{m.hoursServerChecks}</p>
          )}
        </div>
      </div>
      <details className="hours-helper">
        <summary>{m.hoursHelper}</summary>
        <DayByDay key={value.trim() && week ? 'known' : 'free'} initial={week ? weekToDayTexts(week) : null} onApply={onChange} />
      </details>
    </div>
  );
}

function DayByDay({ initial, onApply }: { initial: string[] | null; onApply: (v: string) => void }) {
  const { m, lang } = useAdminMessages();
  const [days, setDays] = useState<string[]>(initial ?? ['', '', '', '', '', '', '']);
  const hintId = useId();
  const week = dayTextsToWeek(days);
  return (
    <fieldset className="hours-days">
      <legend className="sr-only">{m.hoursHelper}</legend>
      <p id={hintId} className="field-hint">
        {m.hoursHelperHint}
      </p>
      {days.map((text, d) => (
        <div className="hours-day" key={d}>
          <label htmlFor={`jour-${d}`}>{dayName(d, lang)}</label>
          <input
            id={`jour-${d}`}
            value={text}
            aria-describedby={hintId}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setDays(days.map((x, i) => (i === d ? e.target.value : x)))}
          />
        </div>
      ))}
      <button type="button" className="button button-secondary" disabled={!week} onClick={() => week && onApply(formatOpeningHours(week))}>
        {m.hoursHelperApply}
      </button>
    </fieldset>
  );
}
