import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../api/src/db/client.ts';
import { copyDatabase, startServer, type RunningServer } from '../support/server.ts';
import { foreignRequests, openSession, type Session } from './browser.ts';

// A patron's journey with markers found nowhere in the data: what the server keeps of it is checked afterwards.
const NOTE_MARK = 'notepriveeK7Q3';
const SEARCH_MARK = 'recherchepriveeW2Z9';
const REPORT_MARK = 'signalementpublicM4X8';
// Near Bobigny's prefecture; no place's coordinates share these digits (checked below before the journey).
const POSITION = { latitude: 48.904617, longitude: 2.438729 };
// Every way the position could be written down: as given, rounded to 5 and 4 decimals, and the
// pairs the app builds (rounded to about 100 m, lon,lat as in `?pres=`, or lat,lon).
const POSITION_FORMS = [
  '48.904617', '2.438729', '48.90462', '2.43873', '48.9046', '2.4387',
  '2.439,48.905', '48.905,2.439', '2.438729,48.904617', '48.904617,2.438729',
];
const SECRETS = [NOTE_MARK, SEARCH_MARK, ...POSITION_FORMS];

let copy: Awaited<ReturnType<typeof copyDatabase>>;
let server: RunningServer;
let s: Session;
let serverUrl = '';
let placeId = '';
const sent: { url: string; body: string | null }[] = [];

beforeAll(async () => {
  copy = await copyDatabase();
  server = await startServer({ REPERES_DB: copy.path });
  serverUrl = server.url;
  s = await openSession({ permissions: ['geolocation'], geolocation: POSITION });
  s.page.setDefaultTimeout(30_000);
  s.context.on('request', (r) => sent.push({ url: decodeURIComponent(r.url()), body: r.postData() }));
});
afterAll(async () => {
  await s?.close();
  await server?.stop();
  copy?.remove();
});

/** Every value of every row of every table (virtual and shadow tables included), as text, one row a line. */
function dumpDatabase(path: string): string {
  const db = openDb(path, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
    const lines: string[] = [];
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).raw().iterate() as Iterable<unknown[]>) {
        lines.push(`${table}\t${row.map((v) => (v === null ? '' : Buffer.isBuffer(v) ? v.toString('latin1') : String(v))).join('\t')}`);
      }
    }
    return lines.join('\n');
  } finally {
    db.close();
  }
}

const found = (haystack: string) => SECRETS.filter((secret) => haystack.includes(secret));

/** What the page keeps on the device: web storage, IndexedDB and cookies; and apart, the service worker's caches (URLs, and bodies of API answers). */
const deviceStorage = () =>
  s.page.evaluate(async () => {
    const entries = [localStorage, sessionStorage].flatMap((st) => Object.keys(st).map((k) => `${k}=${st.getItem(k)}`));
    const databases = (await indexedDB.databases()).map((d) => `indexedDB:${d.name}`);
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        cached.push(`${name} ${decodeURIComponent(request.url)}`);
        if (new URL(request.url).pathname.startsWith('/api/')) cached.push((await (await cache.match(request))?.text()) ?? '');
      }
    }
    return { storage: [...entries, ...databases, `cookie:${document.cookie}`].join('\n'), cached: cached.join('\n') };
  });

describe('what the server keeps of a patron’s visit', () => {
  it('starts from data that holds none of the markers, so that finding one later means the visit left it', () => {
    expect(found(dumpDatabase(copy.path))).toEqual([]);
  });

  it('answers the searches a patron types: their street, then a kind of place, each with the marker', async () => {
    await s.page.goto(serverUrl);
    await s.page.locator('#list-title').filter({ hasText: /lieux? dans cette zone/ }).waitFor();
    const search = s.page.getByRole('combobox', { name: /Chercher une commune/ });
    for (const typed of [`12 rue des Lilas ${SEARCH_MARK}`, `médiathèque ${SEARCH_MARK}`]) {
      const answered = s.page.waitForResponse((r) => decodeURIComponent(r.url()).includes(typed));
      await search.fill(typed);
      expect((await answered).status()).toBe(200);
    }
    await search.fill('Bobigny');
    await s.page.getByRole('option', { name: /Bobigny \(93\)/ }).click();
    await expect.poll(() => new URL(s.page.url()).searchParams.get('commune')).toBe('Bobigny (93)');
  });

  it('lists the places around the granted position, which the page rounds to about 100 m', async () => {
    await s.page.getByRole('button', { name: 'Autour de moi' }).click();
    await s.page.locator('#list-title', { hasText: 'Lieux autour de vous' }).waitFor();
    expect(new URL(s.page.url()).searchParams.get('pres')).toBe('2.439,48.905');
    expect(sent.some((r) => r.url.startsWith(`${serverUrl}/api/`) && r.url.includes('near=2.439,48.905'))).toBe(true);
  });

  it('builds an orientation sheet with a note, which never travels (the sheet is made in the page)', async () => {
    const first = s.page.locator('#place-list > li').first();
    placeId = (await first.locator('button.place').getAttribute('data-place-id')) ?? '';
    await first.getByRole('button', { name: /Ajouter à la fiche d.orientation/ }).click();
    await s.page.getByRole('link', { name: /^Fiche d.orientation \(1\)$/ }).click();
    await s.page.waitForURL(/\/fiche\?lieux=/);
    await s.page.getByLabel('Note pour la personne (facultatif)').fill(`RDV CAF mardi 10 h ${NOTE_MARK}`);
    await expect.poll(() => s.page.locator('.sheet-note').textContent(), { timeout: 60_000 }).toContain(NOTE_MARK);
    expect(sent.filter((r) => r.url.includes(NOTE_MARK) || r.body?.includes(NOTE_MARK))).toEqual([]);
  });

  it('sends a public report from the place’s page', async () => {
    await s.page.goto(`${serverUrl}/lieux/${encodeURIComponent(placeId)}`);
    await s.page.getByRole('button', { name: 'Signaler une erreur' }).click();
    await s.page.getByRole('radio', { name: 'Les horaires sont faux' }).check();
    await s.page.getByLabel('Précisez si vous le souhaitez').fill(`Fermé le lundi ${REPORT_MARK}`);
    await s.page.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await s.page.getByText('Merci, votre signalement a été transmis.').waitFor();
    // The server was really told the searches: keeping nothing of them is its doing.
    expect(sent.some((r) => r.url.startsWith(`${serverUrl}/api/`) && r.url.includes(SEARCH_MARK))).toBe(true);
    expect(foreignRequests(s.requests, serverUrl)).toEqual([]);
  });

  it('keeps no note, no search and no position in any table or log line, but keeps the report', async () => {
    // Stopped first: every write is then in the main file, and the log is complete.
    await server.stop();
    const dump = dumpDatabase(copy.path);
    expect(found(dump)).toEqual([]);
    expect(found(server.log())).toEqual([]);
    // The dump reads what the server wrote: the report, meant to be kept, is there, without any position.
    const reports = dump.split('\n').filter((line) => line.startsWith('signalements\t'));
    expect(reports.filter((line) => line.includes(REPORT_MARK))).toHaveLength(1);
    expect(found(reports.join('\n'))).toEqual([]);
    expect(server.log()).toContain('[repères] http://localhost:');
  });

  it('would see a marker if one were stored: the dump finds one written on purpose in a table of the test', () => {
    const db = openDb(copy.path);
    try {
      db.exec('CREATE TABLE controle_vie_privee (texte TEXT, latitude REAL)');
      db.prepare('INSERT INTO controle_vie_privee VALUES (?, ?)').run(`note ${NOTE_MARK}`, POSITION.latitude);
    } finally {
      db.close();
    }
    expect(found(dumpDatabase(copy.path))).toEqual(expect.arrayContaining([NOTE_MARK, '48.904617']));
  });

  it('keeps on the device only the sheet’s place ids: no note or position anywhere, no search in web storage', async () => {
    const { storage, cached } = await deviceStorage();
    expect(found(storage)).toEqual([]);
    expect(storage).toMatch(/^reperes\.fiche=\["[^"]+"\]$/m);
    expect(found(cached).filter((secret) => secret !== SEARCH_MARK)).toEqual([]);
  });

  it('keeps no search a patron typed in the offline cache, where the next person on a shared computer could find it', async () => {
    const { cached } = await deviceStorage();
    expect(cached.split('\n').filter((line) => line.includes(SEARCH_MARK))).toEqual([]);
  });
});
