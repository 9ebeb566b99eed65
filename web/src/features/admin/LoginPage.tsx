import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { navigate } from '../../router';
import { adminRequest, type Session } from './admin-api';
import { ErrorSummary, TextField, type FieldErrors } from './form';
import { useAdminMessages } from './messages';
import { PageTitle, sessionQueryOptions } from './session';

/** Only paths of the area itself: a `retour` parameter must not send anyone elsewhere. */
function returnPath(): string {
  const back = new URLSearchParams(location.search).get('retour');
  return back && /^\/admin(\/[^/]|$)/.test(back) && !back.startsWith('/admin/connexion') ? back : '/admin';
}

export function LoginPage() {
  const { m, lang } = useAdminMessages();
  const { t } = useI18n();
  const client = useQueryClient();
  const [courriel, setCourriel] = useState('');
  const [motDePasse, setMotDePasse] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fieldErrors: FieldErrors = {};
    if (!courriel.trim()) fieldErrors.courriel = m.emailRequired;
    if (!motDePasse) fieldErrors.mot_de_passe = m.passwordRequired;
    setErrors(fieldErrors);
    setGeneral(null);
    if (Object.keys(fieldErrors).length) return;
    setBusy(true);
    try {
      const session = await adminRequest<Session>('api/auth/login', {
        method: 'POST',
        body: { courriel: courriel.trim(), mot_de_passe: motDePasse },
        lang,
      });
      // The answer is the session itself: the area opens without asking again.
      client.setQueryData(sessionQueryOptions(lang).queryKey, session);
      navigate(returnPath(), 'replace');
    } catch (err) {
      setMotDePasse('');
      if (err instanceof ApiError && (err.status === 401 || err.status === 400)) setGeneral(m.loginFailed);
      else if (err instanceof ApiError && err.status === 429) setGeneral(err.message || m.loginTooMany);
      else setGeneral(errorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="admin-main admin-narrow">
      <p className="admin-brand">
        <a href="/">Repères</a> · {m.areaName}
      </p>
      <PageTitle title={m.loginTitle}>{m.loginTitle}</PageTitle>
      <p>{m.loginIntro}</p>
      <ErrorSummary errors={errors} general={general} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="courriel"
          label={m.email}
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={courriel}
          onChange={setCourriel}
          error={errors.courriel}
          required
        />
        <TextField
          name="mot_de_passe"
          label={m.password}
          type="password"
          autoComplete="current-password"
          value={motDePasse}
          onChange={setMotDePasse}
          error={errors.mot_de_passe}
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {m.loginSubmit}
        </button>
      </form>
    </main>
  );
}
