import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { navigate } from '../../router';
import { adminRequest, type Role, type Session } from './admin-api';
import { ErrorSummary, TextField, type FieldErrors } from './form';
import { useAdminMessages } from './messages';
import { PageTitle, sessionQueryOptions } from './session';

const MIN_LENGTH = 12;

/** Where an invited person chooses a password; the API then signs them in. */
export function InvitationPage({ token }: { token: string }) {
  const { m, lang } = useAdminMessages();
  const { t } = useI18n();
  const client = useQueryClient();
  const path = `api/auth/invitations/${encodeURIComponent(token)}`;
  const invitation = useQuery({
    queryKey: ['invitation', token, lang],
    queryFn: ({ signal }) => adminRequest<{ courriel: string; role: Role }>(path, { lang, signal }),
    retry: false,
  });
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    const found: FieldErrors = {};
    if (password.length < MIN_LENGTH) found.mot_de_passe = m.passwordTooShort;
    else if (password !== confirmation) found.confirmation = m.passwordMismatch;
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const session = await adminRequest<Session>(path, { method: 'POST', body: { mot_de_passe: password }, lang });
      client.setQueryData(sessionQueryOptions(lang).queryKey, session);
      navigate('/admin', 'replace');
    } catch (err) {
      // The API's own words for a refused password ("trop courant") go next to the field.
      const field = err instanceof ApiError ? err.fields.find((f) => f.path === 'mot_de_passe') : undefined;
      if (field) setErrors({ mot_de_passe: field.message });
      else setGeneral(errorMessage(err, t));
    }
  };

  return (
    <main id="main" className="admin-main admin-narrow">
      <p className="admin-brand">
        <a href="/">Repères</a> · {m.areaName}
      </p>
      <PageTitle title={m.acceptTitle}>{m.acceptTitle}</PageTitle>
      {invitation.isPending && <p>{m.loading}</p>}
      {invitation.isError && <ErrorAlert error={invitation.error} />}
      {invitation.data && (
        <>
          <p>{m.acceptIntro}</p>
          <p>{m.invitationFor(invitation.data.courriel)}</p>
          <ErrorSummary errors={errors} general={general} />
          <form onSubmit={(e) => void submit(e)} noValidate>
            {/* Lets password managers file the new password under the right account. */}
            <input type="hidden" autoComplete="username" value={invitation.data.courriel} readOnly />
            <TextField
              name="mot_de_passe"
              label={m.newPassword}
              hint={m.newPasswordHint}
              type="password"
              autoComplete="new-password"
              minLength={MIN_LENGTH}
              value={password}
              onChange={setPassword}
              error={errors.mot_de_passe}
              required
            />
            <TextField
              name="confirmation"
              label={m.confirmPassword}
              type="password"
              autoComplete="new-password"
              value={confirmation}
              onChange={setConfirmation}
              error={errors.confirmation}
              required
            />
            <button type="submit" className="button">
              {m.acceptSubmit}
            </button>
          </form>
        </>
      )}
    </main>
  );
}
