import { useQueries, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { I18nProvider, storedLang, useI18n, type Lang } from '../../i18n';
import { isLang } from '../../i18n/lang';
import { ApiError, getJson, type Place, type Vocabulary } from '../../lib/api';
import { placeQueryOptions } from '../../lib/queries';
import { Link } from '../../router';
import { DocumentTitle } from './DocumentTitle';
import { SHEET_MESSAGES, useSheetMessages } from './messages';
import { PlaceSheetEntry } from './PlaceSheetEntry';
import { QrCode } from './QrCode';
import { SafeUseAdvice } from './SafeUseAdvice';
import { clearSelection, MAX_PLACES, replaceSelection } from './selection';
import { parseSheetSearch, sheetHref, sheetUrl, type SheetOptions } from './sheet-url';
import { SharePanel } from './SharePanel';
import './orientation-sheet.css';

const TITLE_ID = 'sheet-page-title';
const SELECTION_TITLE_ID = 'sheet-selection-title';

/** The interface keeps the helper's language; a patron opening a shared link gets the sheet's. */
function interfaceLang(): Lang {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  return storedLang() ?? (isLang(fromUrl) ? fromUrl : 'fr');
}

export default function SheetPage() {
  const [lang] = useState(interfaceLang);
  return (
    <>
      <I18nProvider lang={lang}>
        <Sheet />
      </I18nProvider>
      <DocumentTitle title={SHEET_MESSAGES[lang].documentTitle} />
    </>
  );
}

const vocabularyQuery = (lang: Lang) => ({
  queryKey: ['services', 'all', lang],
  queryFn: ({ signal }: { signal: AbortSignal }) => getJson<Vocabulary>('api/services', { lang }, signal),
  staleTime: 10 * 60_000,
});

function useSheetSearch() {
  const [search, setSearch] = useState(() => location.search);
  useEffect(() => {
    const onPop = () => setSearch(location.search);
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);
  // Edits replace the entry: the back button leaves the sheet instead of replaying each click.
  const replace = useCallback((o: SheetOptions) => {
    history.replaceState(null, '', sheetHref(o));
    setSearch(location.search);
  }, []);
  return [search, replace] as const;
}

function Sheet() {
  const { lang: uiLang } = useI18n();
  const m = useSheetMessages();
  const [search, replace] = useSheetSearch();
  const parsed = useMemo(() => parseSheetSearch(search, uiLang), [search, uiLang]);
  const options: SheetOptions = { ids: parsed.ids, lang: parsed.lang, large: parsed.large };
  const sheetM = SHEET_MESSAGES[parsed.lang];
  // The note lives in this state only: never in the URL, storage or any request.
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const noteHelpId = useId();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);

  const places = useQueries({ queries: parsed.ids.map((id) => placeQueryOptions(id, parsed.lang)) });
  const vocabulary = useQuery(vocabularyQuery(parsed.lang));
  const notFound = parsed.ids.filter((_, i) => {
    const e = places[i]?.error;
    return e instanceof ApiError && e.status === 404;
  });
  // With the town: many places share a name ("Bibliothèque municipale").
  const names = new Map(
    places
      .map((q) => q.data)
      .filter((p): p is Place => Boolean(p))
      .map((p) => [p.id, [p.nom, p.commune].filter(Boolean).join(' — ')]),
  );

  const editIds = (ids: string[]) => {
    replaceSelection(ids);
    replace({ ...options, ids });
  };
  const clear = () => {
    clearSelection();
    setNote('');
    replace({ ...options, ids: [] });
    setStatus(m.cleared);
    heading.current?.focus();
  };

  const url = sheetUrl(options);
  const loading = places.some((q) => q.isPending);

  return (
    <div className={parsed.large ? 'sheet-page sheet-large' : 'sheet-page'}>
      <header className="sheet-toolbar no-print">
        <Link href="/">{m.backToMap}</Link>
        <Link href="/aidants">{m.helpersLink}</Link>
      </header>
      <main id="main" className="sheet-main">
        <div className="no-print sheet-controls">
          <h1 id={TITLE_ID} ref={heading} tabIndex={-1}>
            {m.pageTitle}
          </h1>
          <p>{m.intro}</p>
          <p role="status" className="sheet-status">
            {status}
          </p>
          {parsed.malformed.length > 0 && <p className="sheet-warning">{m.malformed(parsed.malformed.join(', '))}</p>}
          {parsed.tooMany !== null && <p className="sheet-warning">{m.tooMany(MAX_PLACES, parsed.tooMany)}</p>}
          {notFound.length > 0 && (
            <div className="sheet-warning" role="alert">
              <p>{m.notFound(notFound.length, notFound.join(', '))}</p>
              <p>{m.notFoundHelp}</p>
            </div>
          )}

          <section aria-labelledby={SELECTION_TITLE_ID}>
            <h2 id={SELECTION_TITLE_ID} tabIndex={-1}>
              {m.selectionTitle}
            </h2>
            {parsed.ids.length === 0 ? (
              <p>{m.empty}</p>
            ) : (
              <SelectionEditor
                ids={parsed.ids}
                names={names}
                onChange={editIds}
                onRemoved={() => document.getElementById(SELECTION_TITLE_ID)?.focus()}
              />
            )}
            <p>{parsed.ids.length >= MAX_PLACES ? m.selectionFull(MAX_PLACES) : m.selectionHelp(MAX_PLACES)}</p>
            <button type="button" className="button button-secondary" onClick={clear}>
              {m.clear}
            </button>
          </section>

          <section className="sheet-options">
            <h2>{m.optionsTitle}</h2>
            <div className="sheet-field">
              <label htmlFor="sheet-lang">{m.sheetLang}</label>
              <select
                id="sheet-lang"
                value={parsed.lang}
                onChange={(e) => isLang(e.target.value) && replace({ ...options, lang: e.target.value })}
              >
                <option value="fr" lang="fr">
                  Français
                </option>
                <option value="en" lang="en">
                  English
                </option>
              </select>
            </div>
            <div className="sheet-field sheet-check">
              <input
                id="sheet-large"
                type="checkbox"
                checked={parsed.large}
                onChange={(e) => replace({ ...options, large: e.target.checked })}
              />
              <label htmlFor="sheet-large">{m.largePrint}</label>
            </div>
            <div className="sheet-field">
              <label htmlFor="sheet-note">{m.noteLabel}</label>
              <p id={noteHelpId} className="sheet-note-help">
                {m.noteHelp}
              </p>
              {/* No name and no autocomplete: the browser must not keep or restore what is typed. */}
              <textarea
                id="sheet-note"
                rows={3}
                autoComplete="off"
                spellCheck={false}
                aria-describedby={noteHelpId}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
            </div>
          </section>

          {parsed.ids.length > 0 && <SharePanel url={url} subject={sheetM.pageTitle} onStatus={setStatus} />}
        </div>

        {parsed.ids.length > 0 && (
          <article className="sheet" lang={parsed.lang} aria-label={sheetM.sheetHeading}>
            <h2 className="sheet-heading">{sheetM.sheetHeading}</h2>
            <p>{sheetM.sheetIntro}</p>
            {note.trim() && (
              <section className="sheet-note">
                <h3>{sheetM.note}</h3>
                <p>{note}</p>
              </section>
            )}
            {loading && (
              <p className="no-print" role="status">
                {m.loading}
              </p>
            )}
            {parsed.ids.map((id, i) => {
              const q = places[i];
              if (!q) return null;
              if (q.data) return <PlaceSheetEntry key={id} place={q.data} vocabulary={vocabulary.data} lang={parsed.lang} m={sheetM} />;
              if (q.isError && !notFound.includes(id)) {
                return (
                  <div key={id} className="sheet-place no-print">
                    <p>{m.loadError}</p>
                    <button type="button" className="button button-secondary" onClick={() => void q.refetch()}>
                      {m.retry}
                    </button>
                  </div>
                );
              }
              return null;
            })}
            <div className="sheet-qr-block">
              <QrCode value={url} alt={sheetM.qrAlt} />
              <p>{sheetM.qrCaption}</p>
            </div>
            <SafeUseAdvice m={sheetM} headingLevel={3} />
            <p className="sheet-made-with">{sheetM.madeWith}</p>
          </article>
        )}
      </main>
    </div>
  );
}

interface EditorProps {
  ids: string[];
  names: Map<string, string>;
  onChange: (ids: string[]) => void;
  onRemoved: () => void;
}

/** Reorder and remove, with buttons that stay reachable and keep focus on the moved place. */
function SelectionEditor({ ids, names, onChange, onRemoved }: EditorProps) {
  const m = useSheetMessages();
  const list = useRef<HTMLOListElement>(null);
  const toFocus = useRef<{ id: string; step: -1 | 1 } | null>(null);

  useEffect(() => {
    const target = toFocus.current;
    if (!target) return;
    toFocus.current = null;
    const button = (step: number) => list.current?.querySelector<HTMLButtonElement>(`button[data-move="${step}"][data-id="${CSS.escape(target.id)}"]`);
    (button(target.step) ?? button(-target.step))?.focus();
  }, [ids]);

  const move = (id: string, step: -1 | 1) => {
    const next = [...ids];
    const from = next.indexOf(id);
    const to = from + step;
    if (to < 0 || to >= next.length) return;
    [next[from], next[to]] = [next[to]!, next[from]!];
    toFocus.current = { id, step };
    onChange(next);
  };

  return (
    <ol ref={list} className="sheet-selection">
      {ids.map((id, i) => {
        const name = names.get(id) ?? id;
        return (
          <li key={id}>
            <span className="sheet-selection-name">{name}</span>
            <span className="sheet-selection-actions">
              {i > 0 && (
                <button type="button" className="button button-secondary" data-move="-1" data-id={id} onClick={() => move(id, -1)}>
                  {m.up}
                  <span className="sr-only"> « {name} »</span>
                </button>
              )}
              {i < ids.length - 1 && (
                <button type="button" className="button button-secondary" data-move="1" data-id={id} onClick={() => move(id, 1)}>
                  {m.down}
                  <span className="sr-only"> « {name} »</span>
                </button>
              )}
              <button
                type="button"
                className="button button-secondary"
                onClick={() => {
                  onChange(ids.filter((x) => x !== id));
                  onRemoved();
                }}
              >
                {m.removeShort}
                <span className="sr-only"> « {name} »</span>
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
