import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { I18nProvider, storedLang } from '../../i18n';
import { isLang } from '../../i18n/lang';
import { ApiError } from '../../lib/api';
import { Link, navigate } from '../../router';
import { sessionQueryOptions } from '../admin/session';
import { sendFile, type ImportAnswer } from './import-api';
import { useImportMessages } from './messages';
import './imports.css';

/** /admin/import: a coordinator checks a file, reads the report, then applies it. */
export default function ImportPage() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  const lang = isLang(fromUrl) ? fromUrl : (storedLang() ?? 'fr');
  return (
    <I18nProvider lang={lang}>
      <SignedIn />
    </I18nProvider>
  );
}

function SignedIn() {
  const { lang, f } = useImportMessages();
  const session = useQuery(sessionQueryOptions(lang));
  const signedOut = session.isSuccess && session.data === null && !session.isFetching;
  useEffect(() => {
    if (signedOut) navigate('/admin/connexion?retour=' + encodeURIComponent('/admin/import'), 'replace');
  }, [signedOut]);
  if (!session.data) return <p role="status" className="import-page">{f('loading')}</p>;
  return <ImportForm csrf={session.data.csrf} />;
}

const LIMIT = 100;

function ImportForm({ csrf }: { csrf: string }) {
  const { lang, f } = useImportMessages();
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'check' | 'apply' | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);

  const title = f('title');
  useEffect(() => {
    document.title = `${title} — Repères`;
    heading.current?.focus();
  }, [title]);
  useEffect(() => {
    if (answer || error) summary.current?.focus();
  }, [answer, error]);

  async function run(apply: boolean) {
    if (!file) {
      setError(f('chooseFile'));
      return;
    }
    setBusy(apply ? 'apply' : 'check');
    setError(null);
    try {
      setAnswer(await sendFile(file, { csrf, lang, apply }));
    } catch (e) {
      setAnswer(null);
      setError(e instanceof ApiError && e.status !== 0 && e.message ? e.message : f('network'));
    } finally {
      setBusy(null);
    }
  }

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void run(false);
  };

  const r = answer?.rapport;
  return (
    <main id="main" className="import-page">
      <h1 ref={heading} tabIndex={-1}>{title}</h1>
      <p>{f('intro')}</p>
      <p>{f('formats')}</p>
      <form onSubmit={onSubmit}>
        <label htmlFor="import-file">{f('file')}</label>
        <input
          id="import-file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setAnswer(null);
            setError(null);
          }}
        />
        <button type="submit" disabled={busy !== null}>{busy === 'check' ? f('checking') : f('check')}</button>
      </form>
      <div ref={summary} tabIndex={-1} className="import-result" aria-live="polite">
        {error && <p role="alert" className="import-error">{error}</p>}
        {answer?.applique && (
          <div role="status" className="import-done">
            <p>{f('done', answer.applique)}</p>
            <p>
              <Link href="/">{f('seeMap')}</Link> · <Link href="/admin">{f('seeHistory')}</Link>
            </p>
          </div>
        )}
        {r && !answer?.applique && (
          <section aria-labelledby="import-report">
            <h2 id="import-report">{f('report')}</h2>
            <p>{f('rows', { rows: r.rows, valid: r.valid })}</p>
            <p className={answer.importable ? 'import-ok' : 'import-error'}>{answer.importable ? f('ready') : f('notReady')}</p>
            {r.unknownColumns.length > 0 && <p>{f('unknownColumns', { columns: r.unknownColumns.join(', ') })}</p>}
            <List title={f('errors', { count: r.errorCount })} items={r.errors.map((i) => i.message)} total={r.errorCount} />
            <List title={f('outOfScope', { count: r.outOfScope.length })} items={r.outOfScope.map((o) => `${o.nom} (${o.id})`)} />
            <List title={f('warnings', { count: r.warningCount })} items={r.warnings.map((i) => i.message)} total={r.warningCount} />
            <List title={f('created', { count: r.created.length })} items={r.created.map((c) => (c.commune ? `${c.nom} (${c.commune})` : c.nom))} />
            <List
              title={f('updated', { count: r.updated.length })}
              items={r.updated.map((u) => `${u.nom} : ${u.changes.map((c) => `${c.field} « ${shown(c.before)} » → « ${shown(c.after)} »`).join(' ; ')}`)}
            />
            <p>{f('unchanged', { count: r.unchanged })}</p>
            {answer.importable && (
              <button type="button" onClick={() => void run(true)} disabled={busy !== null}>
                {busy === 'apply' ? f('applying') : f('apply')}
              </button>
            )}
          </section>
        )}
      </div>
    </main>
  );
}

const shown = (v: unknown) => (Array.isArray(v) ? v.join(' | ') : v === null || v === undefined ? '' : String(v));

function List({ title, items, total = items.length }: { title: string; items: string[]; total?: number }) {
  const { f } = useImportMessages();
  if (total === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.slice(0, LIMIT).map((item, i) => <li key={i}>{item}</li>)}
        {total > LIMIT && <li>{f('more', { count: total - LIMIT })}</li>}
      </ul>
    </>
  );
}
