import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n';
import type { Commune, PlaceSummary } from '../../lib/api';
import { communesQueryOptions, placesByNameQueryOptions } from '../../lib/queries';
import { earlyInput, forgetEarlyInput } from './early-search';
import { useHelpMessages } from './messages';
import { DEBOUNCE_MS, likelyChoice, searchable } from './search-rules';
import './help-near-me.css';

type Option = { kind: 'commune'; commune: Commune } | { kind: 'place'; place: PlaceSummary };

function useDebounced(value: string): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return debounced;
}

interface Props {
  /** Shown in the field, e.g. the commune chosen in a shared link. */
  initialText?: string;
  onCommune: (commune: Commune) => void;
  onPlace: (place: PlaceSummary) => void;
  /** A commune typed in full came first (search-rules.ts): its places may be asked for already. */
  onLikelyCommune?: (commune: Commune) => void;
  /** The person left the field (focus elsewhere) or emptied it (Escape) without choosing. */
  onLeave?: () => void;
  /** The home page's search takes over the field drawn by index.html, with what was typed there. */
  takesOverPage?: boolean;
}

/**
 * The ARIA 1.2 combobox with a listbox popup: focus stays in the field, arrows move the active
 * option (aria-activedescendant), Enter chooses it, Escape closes the list then clears the field.
 */
export function PlaceSearch({ initialText = '', onCommune, onPlace, onLikelyCommune, onLeave, takesOverPage = false }: Props) {
  const { lang } = useI18n();
  const m = useHelpMessages();
  const uid = useId();
  const inputId = `${uid}-input`;
  const listId = `${uid}-list`;
  const hintId = `${uid}-hint`;
  const [early] = useState(() => (takesOverPage ? earlyInput() : null));
  const [text, setText] = useState(early?.text ?? initialText);
  // Text typed in the page's own field is searched at once: the person is waiting for it.
  const [open, setOpen] = useState(Boolean(early?.text.trim()));
  const [active, setActive] = useState(-1);
  // Enter pressed before the suggestions came, for this text: the first one is taken on arrival.
  const [submitted, setSubmitted] = useState<string | null>(early?.submitted ? early.text.trim() : null);
  const q = useDebounced(text.trim());
  const input = useRef<HTMLInputElement>(null);

  // The page's field is gone: focus and caret come back where they were, in this one.
  useEffect(() => {
    if (!early) return;
    forgetEarlyInput();
    if (!early.focused) return;
    input.current?.focus();
    if (early.caret !== null) input.current?.setSelectionRange(early.caret, early.caret);
  }, [early]);
  const enabled = open && searchable(q);

  const communes = useQuery({ ...communesQueryOptions(q), enabled });
  const places = useQuery({ ...placesByNameQueryOptions(q, lang), enabled });

  // The field shows the commune chosen (a shared link, the back button) whenever it changes;
  // on the first render it may hold what was typed in the page's own field instead.
  const shownInitial = useRef(initialText);
  useEffect(() => {
    if (shownInitial.current === initialText) return;
    shownInitial.current = initialText;
    setText(initialText);
  }, [initialText]);

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

  const likely = current && communes.data ? likelyChoice(q, communes.data.items) : null;
  useEffect(() => {
    if (likely) onLikelyCommune?.(likely);
    // Once per commune that comes first, not at every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [likely?.code_insee]);
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
      else {
        setText('');
        onLeave?.();
      }
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
    // The Enter pressed before the suggestions came is answered once they come.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSubmitted(null);
    choose(options[0]);
    // Only when the awaited suggestions arrive: `options` and `choose` are this render's.
    // eslint-disable-next-line react-hooks/exhaustive-deps
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
    // The keyboard stays in the field (combobox, aria-activedescendant): its keys choose an option.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events
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
            ref={input}
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
            onBlur={() => {
              setOpen(false);
              onLeave?.();
            }}
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
