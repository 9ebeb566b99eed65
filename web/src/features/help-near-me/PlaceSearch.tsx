import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import type { Commune, PlaceSummary } from '../../lib/api';
import { communesQueryOptions, placesByNameQueryOptions } from '../../lib/queries';
import { useHelpMessages } from './messages';
import './help-near-me.css';

// Wait for a pause in typing: on a weak connection each keystroke must not cost a request.
const DEBOUNCE_MS = 250;
const MIN_LENGTH = 2;

type Option = { kind: 'commune'; commune: Commune } | { kind: 'place'; place: PlaceSummary };

function useDebounced(value: string): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return debounced;
}

// Letters or digits: "--" or "🙂" alone would only ask the API for nothing.
const searchable = (q: string) => (q.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_LENGTH;

interface Props {
  /** Shown in the field, e.g. the commune chosen in a shared link. */
  initialText?: string;
  onCommune: (commune: Commune) => void;
  onPlace: (place: PlaceSummary) => void;
}

/**
 * The ARIA 1.2 combobox with a listbox popup: focus stays in the field, arrows move the active
 * option (aria-activedescendant), Enter chooses it, Escape closes the list then clears the field.
 */
export function PlaceSearch({ initialText = '', onCommune, onPlace }: Props) {
  const { lang } = useI18n();
  const m = useHelpMessages();
  const uid = useId();
  const inputId = `${uid}-input`;
  const listId = `${uid}-list`;
  const hintId = `${uid}-hint`;
  const [text, setText] = useState(initialText);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  // Enter pressed before the suggestions came, for this text: the first one is taken on arrival.
  const [submitted, setSubmitted] = useState<string | null>(null);
  const q = useDebounced(text.trim());
  const enabled = open && searchable(q);

  const communes = useQuery({ ...communesQueryOptions(q), enabled });
  const places = useQuery({ ...placesByNameQueryOptions(q, lang), enabled });

  useEffect(() => setText(initialText), [initialText]);

  const options = useMemo<Option[]>(
    () => [
      ...(communes.data?.items ?? []).map((commune) => ({ kind: 'commune' as const, commune })),
      ...(places.data?.items ?? []).map((place) => ({ kind: 'place' as const, place })),
    ],
    [communes.data, places.data],
  );
  // While the debounce waits, the suggestions still belong to the previous text.
  const current = enabled && q === text.trim();
  const settled = current && !communes.isFetching && !places.isFetching;
  // Communes come first in the list: once one is in, it is the first suggestion whatever the
  // (slower) search by place name brings, so Enter need not wait for that.
  const firstKnown = settled || (current && !communes.isFetching && (communes.data?.items.length ?? 0) > 0);
  const failed = enabled && communes.isError && places.isError;
  const expanded = open && enabled && options.length > 0;

  const choose = (option: Option | undefined) => {
    if (!option) return;
    setOpen(false);
    setActive(-1);
    if (option.kind === 'commune') {
      setText(m.communeOption(option.commune.nom, option.commune.departement));
      onCommune(option.commune);
    } else {
      onPlace(option.place);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      if (options.length === 0) return;
      const last = options.length - 1;
      setActive((i) => (e.key === 'ArrowDown' ? (i >= last ? 0 : i + 1) : i <= 0 ? last : i - 1));
    } else if (e.key === 'Escape') {
      if (expanded) setOpen(false);
      else setText('');
      setActive(-1);
    }
  };

  // Enter with no active option takes the first suggestion: "Bobigny" then Enter just works,
  // even when pressed before the suggestions arrive on a slow connection.
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (active >= 0 && active < options.length) choose(options[active]);
    else if (firstKnown) choose(options[0]);
    else if (searchable(text)) setSubmitted(text.trim());
  };

  const waitingFirst = submitted !== null && submitted === text.trim();
  useEffect(() => {
    if (!waitingFirst || !firstKnown) return;
    setSubmitted(null);
    choose(options[0]);
    // Only when the awaited suggestions arrive: `options` and `choose` are this render's.
  }, [waitingFirst, firstKnown]);

  const optionId = (i: number) => `${uid}-option-${i}`;
  const communeCount = communes.data?.items.length ?? 0;
  const status = !open || !text.trim()
    ? ''
    : !searchable(text)
      ? m.searchTooShort
      : failed
        ? m.searchFailed
        : settled
          ? options.length === 0
            ? m.searchNothing
            : m.suggestionCount(options.length)
          : '';

  const renderOption = (option: Option, i: number) => (
    <li
      key={optionId(i)}
      id={optionId(i)}
      role="option"
      aria-selected={i === active}
      className={i === active ? 'suggestion suggestion-active' : 'suggestion'}
      // Keep focus in the field: a click must not blur it before the choice is made.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => choose(option)}
    >
      {option.kind === 'commune' ? (
        <>
          <span className="suggestion-name">{m.communeOption(option.commune.nom, option.commune.departement)}</span>
          <span className="suggestion-detail">
            {option.commune.departement_nom}
            {option.commune.codes_postaux.length > 0 && ` · ${option.commune.codes_postaux.slice(0, 3).join(', ')}`}
          </span>
        </>
      ) : (
        <>
          <span className="suggestion-name">{option.place.nom}</span>
          <span className="suggestion-detail">{[option.place.code_postal, option.place.commune].filter(Boolean).join(' ')}</span>
        </>
      )}
    </li>
  );

  return (
    <form className="place-search" role="search" onSubmit={onSubmit}>
      <label htmlFor={inputId}>{m.searchLabel}</label>
      <p id={hintId} className="field-hint">
        {m.searchHint}
      </p>
      <div className="place-search-fields">
        <div className="combobox">
          <input
            id={inputId}
            type="text"
            role="combobox"
            autoComplete="off"
            spellCheck={false}
            aria-autocomplete="list"
            aria-expanded={expanded}
            aria-controls={listId}
            aria-describedby={hintId}
            aria-activedescendant={expanded && active >= 0 && active < options.length ? optionId(active) : undefined}
            value={text}
            maxLength={100}
            onChange={(e) => {
              setText(e.target.value);
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
            onFocus={() => text && setOpen(true)}
          />
          <div id={listId} role="listbox" aria-label={m.searchLabel} className="suggestions" hidden={!expanded}>
            {communeCount > 0 && (
              <ul role="group" aria-label={m.suggestionsCommunes}>
                <li role="presentation" className="suggestions-heading" aria-hidden="true">
                  {m.suggestionsCommunes}
                </li>
                {options.slice(0, communeCount).map((o, i) => renderOption(o, i))}
              </ul>
            )}
            {options.length > communeCount && (
              <ul role="group" aria-label={m.suggestionsPlaces}>
                <li role="presentation" className="suggestions-heading" aria-hidden="true">
                  {m.suggestionsPlaces}
                </li>
                {options.slice(communeCount).map((o, i) => renderOption(o, i + communeCount))}
              </ul>
            )}
          </div>
        </div>
        <button type="submit" className="button">
          {m.searchSubmit}
        </button>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
      {status && status !== m.suggestionCount(options.length) && (
        <p className="field-hint" aria-hidden="true">
          {status}
        </p>
      )}
    </form>
  );
}
