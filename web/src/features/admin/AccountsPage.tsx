import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n';
import { ApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import type { Account, PendingInvitation, Role } from './admin-api';
import { ErrorSummary, TextField, type FieldErrors } from './form';
import { useAdminMessages } from './messages';
import { PageTitle, useAdminApi } from './session';

const list = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** The API answers with a path on this site; the person receiving it needs a full address. */
export const invitationUrl = (lien: string) => new URL(lien, location.origin).href;

export function AccountsPage() {
  const { m, lang } = useAdminMessages();
  const api = useAdminApi();
  const accounts = useQuery({
    queryKey: ['admin', 'comptes', lang],
    queryFn: ({ signal }) => api.get<{ items: Account[]; invitations: PendingInvitation[] }>('api/admin/comptes', signal),
  });
  const none = (xs: string[]) => (xs.length ? xs.join(', ') : m.noneValue);
  return (
    <>
      <PageTitle title={m.accountsTitle}>{m.accountsTitle}</PageTitle>
      {accounts.isPending && <p>{m.loading}</p>}
      {accounts.isError && <ErrorAlert error={accounts.error} onRetry={() => void accounts.refetch()} />}
      {accounts.data && (
        <div className="table-scroll" role="region" aria-labelledby="accounts-caption" tabIndex={0}>
          <table>
            <caption id="accounts-caption">{m.accountsCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{m.email}</th>
                <th scope="col">{m.role}</th>
                <th scope="col">{m.territories}</th>
                <th scope="col">{m.networks}</th>
              </tr>
            </thead>
            <tbody>
              {accounts.data.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row">{a.courriel}</th>
                  <td>{m.roles[a.role]}</td>
                  <td>{none(a.territoires)}</td>
                  <td>{none(a.reseaux)}</td>
                </tr>
              ))}
              {accounts.data.invitations.map((i) => (
                <tr key={'invitation-' + i.courriel}>
                  <th scope="row">{i.courriel}</th>
                  <td>
                    {m.roles[i.role]} · {m.invitationPending(formatDate(i.expire_le, lang))}
                  </td>
                  <td>{none(i.territoires)}</td>
                  <td>{none(i.reseaux)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <InvitationForm />
    </>
  );
}

function InvitationForm() {
  const { m } = useAdminMessages();
  const { t } = useI18n();
  const api = useAdminApi();
  const [courriel, setCourriel] = useState('');
  const [role, setRole] = useState<Role>('coordinateur');
  const [territoires, setTerritoires] = useState('');
  const [reseaux, setReseaux] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [copied, setCopied] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setGeneral(null);
    setLink(null);
    const found: FieldErrors = {};
    if (!courriel.trim()) found.invitation_courriel = m.emailRequired;
    if (role === 'coordinateur' && !list(territoires).length && !list(reseaux).length) found.territoires = m.scopeRequired;
    setErrors(found);
    if (Object.keys(found).length) return;
    try {
      const answer = await api.send<{ lien: string }>('POST', 'api/admin/invitations', {
        courriel: courriel.trim(),
        role,
        territoires: list(territoires),
        reseaux: list(reseaux),
      });
      setLink(invitationUrl(answer.lien));
      setCourriel('');
      setTerritoires('');
      setReseaux('');
      await api.refresh();
    } catch (err) {
      const fieldErrors: FieldErrors = {};
      if (err instanceof ApiError)
        for (const f of err.fields) fieldErrors[f.path === 'courriel' ? 'invitation_courriel' : f.path.split('.')[0]!] = f.message;
      setErrors(fieldErrors);
      setGeneral(errorMessage(err, t));
    }
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(m.copied);
    } catch {
      // Without clipboard access the link stays selectable in the field.
      document.getElementById('invitation-lien')?.focus();
    }
  };

  return (
    <section aria-labelledby="invitation-heading">
      <h2 id="invitation-heading">{m.invitationTitle}</h2>
      <ErrorSummary errors={errors} general={general} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          name="invitation_courriel"
          label={m.email}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={courriel}
          onChange={setCourriel}
          error={errors.invitation_courriel}
          required
        />
        <fieldset className="admin-choices">
          <legend>{m.role}</legend>
          {(['coordinateur', 'administrateur'] as const).map((r) => (
            <label key={r} className="admin-choice">
              <input type="radio" name="role" checked={role === r} onChange={() => setRole(r)} />
              {m.roles[r]}
            </label>
          ))}
        </fieldset>
        <TextField name="territoires" label={m.territories} hint={m.territoriesHint} value={territoires} onChange={setTerritoires} error={errors.territoires} autoComplete="off" />
        <TextField name="reseaux" label={m.networks} hint={m.networksHint} value={reseaux} onChange={setReseaux} error={errors.reseaux} autoComplete="off" />
        <button type="submit" className="button">
          {m.invitationSubmit}
        </button>
      </form>
      {link && (
        <div className="admin-card invitation-link">
          <label htmlFor="invitation-lien">{m.invitationLink}</label>
          <p className="field-hint" id="invitation-lien-aide">
            {m.invitationLinkHelp}
          </p>
          <input id="invitation-lien" readOnly value={link} aria-describedby="invitation-lien-aide" onFocus={(e) => e.target.select()} />
          <button type="button" className="button button-secondary" onClick={() => void copy()}>
            {m.copy}
          </button>
          <p className="status" role="status">
            {copied}
          </p>
        </div>
      )}
    </section>
  );
}
