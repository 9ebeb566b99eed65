import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ErrorAlert, errorMessage } from '../../components/ErrorAlert';
import { labelOf, useI18n } from '../../i18n';
import { ApiError, getJson, type Vocabulary, type VocabularyEntry } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { Link, navigate } from '../../router';
import { isStale, type CoordinatedPlace, type StaleVersion } from './admin-api';
import { ConfirmButton, ErrorSummary, TextField, fieldId } from './form';
import { HoursEditor } from './HoursEditor';
import { useAdminMessages, type AdminMessages } from './messages';
import { labelChoices } from './national-labels';
import {
  changedValues,
  detailField,
  differingFields,
  emptyValues,
  fromForm,
  otherDetails,
  toForm,
  validate,
  type DetailFieldName,
  type FieldName,
  type FormErrors,
  type FormValues,
  type TextFieldName,
} from './place-form';
import { PageTitle, useAdminApi } from './session';

export const placeQueryKey = (id: string) => ['admin', 'lieu', id];

export function useCoordinatedPlace(id: string | null) {
  const api = useAdminApi();
  return useQuery({
    queryKey: [...placeQueryKey(id ?? ''), api.lang],
    queryFn: ({ signal }) => api.get<CoordinatedPlace>(`api/coordination/lieux/${encodeURIComponent(id ?? '')}`, signal),
    enabled: id !== null,
    retry: false,
  });
}

export function useVocabulary() {
  const { lang } = useAdminMessages();
  return useQuery({
    queryKey: ['admin', 'vocabulaire', lang],
    queryFn: ({ signal }) => getJson<Vocabulary>('api/services', { lang }, signal),
    staleTime: Infinity,
  });
}

export function PlaceEditPage({ id }: { id: string | null }) {
  const { m } = useAdminMessages();
  const place = useCoordinatedPlace(id);
  const vocabulary = useVocabulary();
  const [announce, setAnnounce] = useState('');
  const reportId = new URLSearchParams(location.search).get('signalement');
  const title = id === null ? m.newPlaceTitle : place.data ? m.editTitle(place.data.nom) : m.loading;

  return (
    <>
      <PageTitle title={title}>{title}</PageTitle>
      <p className="status" role="status">
        {announce}
      </p>
      {id !== null && place.isPending && <p>{m.loading}</p>}
      {place.isError && <ErrorAlert error={place.error} onRetry={() => void place.refetch()} />}
      {(id === null || place.data) && (
        <PlaceForm
          // A saved version reloads the form from the server's answer.
          key={place.data ? `${place.data.id}@${place.data.version}` : 'nouveau'}
          place={place.data ?? null}
          entries={vocabulary.data}
          reportId={reportId}
          onDone={setAnnounce}
        />
      )}
    </>
  );
}

interface FormProps {
  place: CoordinatedPlace | null;
  entries: Vocabulary | undefined;
  reportId: string | null;
  onDone: (message: string) => void;
}

function PlaceForm({ place, entries, reportId, onDone }: FormProps) {
  const { m, lang } = useAdminMessages();
  const { t } = useI18n();
  const api = useAdminApi();
  const [base, setBase] = useState<FormValues>(() => (place ? toForm(place) : emptyValues()));
  const [version, setVersion] = useState(place?.version ?? 0);
  const [values, setValues] = useState<FormValues>(base);
  const [commentaire, setCommentaire] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [conflict, setConflict] = useState<StaleVersion | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends FieldName>(name: K, value: FormValues[K]) => setValues((v) => ({ ...v, [name]: value }));
  const textProps = (name: TextFieldName | DetailFieldName) => ({
    name,
    label: m.field[name],
    value: values[name],
    onChange: (v: string) => set(name, v),
    error: errors[name],
  });

  const showFailure = (e: unknown) => {
    if (isStale(e)) {
      setConflict(e.current);
      setGeneral(null);
      setErrors({});
      return;
    }
    const fieldErrors: FormErrors = {};
    const others: string[] = [];
    if (e instanceof ApiError) {
      for (const f of e.fields) {
        const top = f.path.split('.')[0] as FieldName;
        // `details` is checked as a whole; its first field carries the message.
        const name = top === 'details' ? detailField('publics') : top;
        if (name in base) fieldErrors[name] ??= f.message;
        else others.push(f.message);
      }
    }
    setErrors(fieldErrors);
    setGeneral([errorMessage(e, t), ...others].join(' '));
  };

  const save = async (edited: FormValues, from: FormValues, basedOn: number) => {
    const found = validate(edited, m);
    setErrors(found);
    setGeneral(null);
    if (Object.keys(found).length) return;
    const comment = commentaire.trim() ? { commentaire: commentaire.trim() } : {};
    setBusy(true);
    try {
      if (!place) {
        const created = await api.send<CoordinatedPlace>('POST', 'api/lieux', { ...fromForm(edited), ...comment });
        await api.refresh();
        navigate(`/admin/lieux/${encodeURIComponent(created.id)}`, 'replace');
        return;
      }
      const patch = { ...changedValues(from, edited), version: basedOn, ...comment };
      if (reportId) {
        await api.send('POST', `api/signalements/${encodeURIComponent(reportId)}/resolution`, {
          action: 'corrige',
          ...comment,
          modification: patch,
        });
        await api.refresh();
        navigate('/admin/signalements');
        return;
      }
      await api.send('PATCH', `api/lieux/${encodeURIComponent(place.id)}`, patch, basedOn);
      onDone(m.saved);
      await api.refresh();
    } catch (e) {
      showFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const archive = async (action: 'archiver' | 'desarchiver') => {
    if (!place) return;
    try {
      await api.send('POST', `api/lieux/${encodeURIComponent(place.id)}/${action}`, { version });
      onDone(action === 'archiver' ? m.archived : m.unarchived);
      await api.refresh();
    } catch (e) {
      showFailure(e);
    }
  };

  const merge = (merged: FormValues, theirs: FormValues, theirVersion: number) => {
    setBase(theirs);
    setVersion(theirVersion);
    setValues(merged);
    setConflict(null);
    void save(merged, theirs, theirVersion);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void save(values, base, version);
  };

  const services = [...(entries?.numerique ?? []), ...(entries?.demarches ?? [])];
  // Labels are stored as their names: the name is the checkbox's value.
  const labels = labelChoices((entries?.labels ?? []).map((l) => l.label)).map((l) => ({ id: l, label: l, label_en: l }));
  return (
    <>
      {place?.archive && <p className="admin-notice">{m.archivedNotice}</p>}
      {place && !place.modifiable && <p className="admin-notice">{m.outOfScope}</p>}
      {reportId && <p className="admin-notice">{m.fromReport}</p>}
      {place && (
        <p>
          <Link href={`/admin/lieux/${encodeURIComponent(place.id)}/historique`}>{m.history}</Link>
        </p>
      )}
      <ErrorSummary errors={errors} general={general} />
      {conflict && <ConflictView mine={values} base={base} conflict={conflict} entries={entries} onMerge={merge} />}
      <form className="place-form" onSubmit={onSubmit} noValidate>
        <fieldset>
          <legend>{m.fieldsIdentity}</legend>
          <TextField {...textProps('nom')} required autoComplete="off" />
        </fieldset>
        <fieldset>
          <legend>{m.fieldsAddress}</legend>
          <TextField {...textProps('adresse')} autoComplete="off" />
          <TextField {...textProps('complement_adresse')} autoComplete="off" />
          <TextField {...textProps('code_postal')} hint={m.hint.code_postal} required inputMode="numeric" autoComplete="off" />
          <TextField {...textProps('commune')} required autoComplete="off" />
          <TextField {...textProps('code_insee')} hint={m.hint.code_insee} autoComplete="off" />
          <TextField {...textProps('latitude')} hint={m.hint.latitude} required inputMode="decimal" autoComplete="off" />
          <TextField {...textProps('longitude')} hint={m.hint.longitude} required inputMode="decimal" autoComplete="off" />
          <fieldset className="admin-choices">
            <legend>{m.field.precision}</legend>
            {(['adresse', 'commune'] as const).map((p) => (
              <label key={p} className="admin-choice">
                <input
                  type="radio"
                  name="precision"
                  value={p}
                  checked={values.precision === p}
                  onChange={() => set('precision', p)}
                />
                {p === 'adresse' ? m.precisionAdresse : m.precisionCommune}
              </label>
            ))}
          </fieldset>
        </fieldset>
        <fieldset>
          <legend>{m.fieldsContact}</legend>
          <TextField {...textProps('telephone')} hint={m.hint.telephone} type="tel" autoComplete="off" />
          <TextField {...textProps('courriel')} hint={m.hint.courriel} type="email" autoComplete="off" spellCheck={false} />
          <TextField {...textProps('site_web')} hint={m.hint.site_web} type="url" autoComplete="off" spellCheck={false} />
        </fieldset>
        <fieldset>
          <legend>{m.fieldsHours}</legend>
          <HoursEditor value={values.horaires_osm} onChange={(v) => set('horaires_osm', v)} error={errors.horaires_osm} />
          <TextField {...textProps('horaires_texte')} multiline />
        </fieldset>
        <fieldset>
          <legend>{m.fieldsServices}</legend>
          <CheckboxGroup
            name="types"
            legend={m.field.types}
            entries={entries?.types}
            selected={values.types}
            onChange={(v) => set('types', v)}
            error={errors.types}
          />
          <CheckboxGroup
            name="services"
            legend={m.field.services}
            entries={services}
            selected={values.services}
            onChange={(v) => set('services', v)}
            error={errors.services}
          />
        </fieldset>
        <fieldset>
          <legend>{m.fieldsLabels}</legend>
          <p className="field-hint">{m.fieldsLabelsHelp}</p>
          <CheckboxGroup
            name="labels"
            legend={m.field.labels}
            entries={labels}
            selected={values.labels}
            onChange={(v) => set('labels', v)}
            error={errors.labels}
          />
          {(['publics', 'modalites_accompagnement', 'conditions_acces'] as const).map((k) => (
            <TextField key={k} {...textProps(detailField(k))} hint={m.hint.detailsList} autoComplete="off" />
          ))}
          <fieldset className={'admin-choices' + (errors['details.prise_rdv'] ? ' field-error' : '')}>
            <legend>{m.field['details.prise_rdv']}</legend>
            {errors['details.prise_rdv'] && (
              <p className="field-message">
                <span className="sr-only">{m.errorPrefix} </span>
                {errors['details.prise_rdv']}
              </p>
            )}
            {(['', 'oui', 'non'] as const).map((v, i) => (
              <label key={v} className="admin-choice">
                <input
                  type="radio"
                  name="details.prise_rdv"
                  // The error summary links to the first choice.
                  id={i === 0 ? fieldId('details.prise_rdv') : undefined}
                  value={v}
                  checked={values['details.prise_rdv'] === v}
                  onChange={() => set('details.prise_rdv', v)}
                />
                {rdvWords(v, m)}
              </label>
            ))}
          </fieldset>
          <TextField {...textProps('details.format')} hint={m.hint['details.format']} autoComplete="off" />
          <TextField {...textProps('details.commentaire')} multiline />
        </fieldset>
        <TextField
          name="commentaire"
          label={m.commentLabel}
          hint={m.commentHint}
          value={commentaire}
          onChange={setCommentaire}
          multiline
        />
        <div className="actions">
          <button type="submit" className="button" disabled={busy || conflict !== null || place?.modifiable === false}>
            {busy ? m.saving : m.save}
          </button>
        </div>
      </form>
      {place?.modifiable && (
        <div className="actions admin-danger">
          {place.archive ? (
            <ConfirmButton label={m.unarchive} question={m.unarchiveConfirm} onConfirm={() => void archive('desarchiver')} />
          ) : (
            <ConfirmButton label={m.archive} question={m.archiveConfirm} onConfirm={() => void archive('archiver')} />
          )}
        </div>
      )}
      {place?.verifie_le && <p className="admin-list-meta">{m.lastChecked(formatDate(place.verifie_le, lang))}</p>}
    </>
  );
}

const rdvWords = (v: string, m: AdminMessages) => (v === 'oui' ? m.rdvYes : v === 'non' ? m.rdvNo : m.rdvUnknown);

function CheckboxGroup({
  name,
  legend,
  entries,
  selected,
  onChange,
  error,
}: {
  name: FieldName;
  legend: string;
  entries: Pick<VocabularyEntry, 'id' | 'label' | 'label_en'>[] | undefined;
  selected: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const { m, lang } = useAdminMessages();
  const errorId = `${fieldId(name)}-erreur`;
  // Ids the vocabulary no longer lists stay selected and visible, so that saving never drops them.
  const known = new Set((entries ?? []).map((e) => e.id));
  const all = [...(entries ?? []), ...selected.filter((id) => !known.has(id)).map((id) => ({ id, label: id, label_en: id }))];
  return (
    <fieldset className={'admin-choices' + (error ? ' field-error' : '')} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {error && (
        <p id={errorId} className="field-message">
          <span className="sr-only">{m.errorPrefix} </span>
          {error}
        </p>
      )}
      {!entries && <p>{m.loading}</p>}
      <div className="admin-choice-grid">
        {all.map((e, i) => (
          <label key={e.id} className="admin-choice">
            <input
              type="checkbox"
              // The error summary links to the first box of the group.
              id={i === 0 ? fieldId(name) : undefined}
              checked={selected.includes(e.id)}
              onChange={(ev) => onChange(ev.target.checked ? [...selected, e.id] : selected.filter((x) => x !== e.id))}
            />
            {labelOf(e, lang)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A field's value in words, for the conflict view. */
function shown(values: FormValues, name: FieldName, m: AdminMessages, entries: Vocabulary | undefined, lang: 'fr' | 'en'): string {
  const v = values[name];
  if (name === 'details') {
    const others = otherDetails(values.details).map(([k, x]) => `${k} : ${typeof x === 'string' ? x : JSON.stringify(x)}`);
    return others.length ? others.join(' ; ') : m.empty;
  }
  if (name === 'details.prise_rdv') return rdvWords(values[name], m);
  if (Array.isArray(v)) {
    const all = [...(entries?.types ?? []), ...(entries?.numerique ?? []), ...(entries?.demarches ?? [])];
    const labels = v.map((id) => {
      const e = all.find((x) => x.id === id);
      return e ? labelOf(e, lang) : id;
    });
    return labels.length ? labels.join(', ') : m.empty;
  }
  if (name === 'precision') return v === 'adresse' ? m.precisionAdresse : m.precisionCommune;
  return typeof v === 'string' && v.trim() ? v : m.empty;
}

function ConflictView({
  mine,
  base,
  conflict,
  entries,
  onMerge,
}: {
  mine: FormValues;
  base: FormValues;
  conflict: StaleVersion;
  entries: Vocabulary | undefined;
  onMerge: (merged: FormValues, theirs: FormValues, version: number) => void;
}) {
  const { m, lang } = useAdminMessages();
  const theirs = toForm(conflict.values);
  const differing = differingFields(mine, theirs);
  const mineChanged = new Set(differingFields(base, mine));
  const [choice, setChoice] = useState<Partial<Record<FieldName, 'mine' | 'theirs'>>>(() =>
    Object.fromEntries(differing.map((k) => [k, mineChanged.has(k) ? 'mine' : 'theirs'])),
  );
  const merged = { ...theirs };
  for (const k of differing) if (choice[k] === 'mine') Object.assign(merged, { [k]: mine[k] });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const label = (k: FieldName) => (k in m.field ? m.field[k as keyof AdminMessages['field']] : k);

  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h2 id="conflict-title" tabIndex={-1} ref={heading}>
        {m.conflictTitle}
      </h2>
      <p>
        {conflict.modifie_par && conflict.modifie_le
          ? m.conflictBy(conflict.modifie_par, formatDate(conflict.modifie_le, lang))
          : m.conflictByUnknown}
      </p>
      <p>{m.conflictHelp}</p>
      {differing.length === 0 && <p>{m.conflictNoDiff}</p>}
      {differing.map((k) => (
        <fieldset key={k} className="conflict-field">
          <legend>{m.conflictChoice(label(k))}</legend>
          <label className="conflict-option">
            <input type="radio" name={`choix-${k}`} checked={choice[k] === 'mine'} onChange={() => setChoice({ ...choice, [k]: 'mine' })} />
            <span>
              <strong>{m.keepMine}</strong>
              <span className="conflict-value">{shown(mine, k, m, entries, lang)}</span>
            </span>
          </label>
          <label className="conflict-option">
            <input type="radio" name={`choix-${k}`} checked={choice[k] === 'theirs'} onChange={() => setChoice({ ...choice, [k]: 'theirs' })} />
            <span>
              <strong>{m.takeTheirs}</strong>
              <span className="conflict-value">{shown(theirs, k, m, entries, lang)}</span>
            </span>
          </label>
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => onMerge(merged, theirs, conflict.version)}>
        {m.conflictSave}
      </button>
    </section>
  );
}
