import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { defaultDbPath, openDb } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { createAccountQueries } from '../features/auth/accounts.queries.ts';
import { hashPassword, passwordProblem } from '../features/auth/password.ts';
import { fr } from '../i18n/fr.ts';

/**
 * Creates an administrator: `npm run admin:create`. On a terminal it asks for the e-mail, then the
 * password without echoing it. Scripts give REPERES_ADMIN_EMAIL / REPERES_ADMIN_PASSWORD, or pipe
 * the e-mail and the password on two lines of stdin.
 */

/** Reads one line from the terminal in raw mode, so the typed password never appears on screen. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('Annulé.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPiped(): Promise<string[]> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  return text.split(/\r?\n/);
}

async function ask(): Promise<{ courriel: string; motDePasse: string }> {
  const envEmail = process.env.REPERES_ADMIN_EMAIL;
  const envPassword = process.env.REPERES_ADMIN_PASSWORD;
  if (!process.stdin.isTTY) {
    const lines = envEmail && envPassword ? [] : await readPiped();
    const courriel = envEmail ?? lines.shift() ?? '';
    return { courriel, motDePasse: envPassword ?? lines.shift() ?? '' };
  }
  let courriel = envEmail;
  if (!courriel) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    courriel = await rl.question('E-mail de l’administrateur : ');
    rl.close();
  }
  if (envPassword) return { courriel, motDePasse: envPassword };
  const motDePasse = await readHidden('Mot de passe (12 caractères au moins, rien ne s’affiche) : ');
  const again = await readHidden('Encore une fois : ');
  if (again !== motDePasse) throw new Error('Les deux mots de passe sont différents.');
  return { courriel, motDePasse };
}

async function main() {
  const { courriel: raw, motDePasse } = await ask();
  const courriel = raw.trim().toLowerCase();
  if (!z.email().safeParse(courriel).success) throw new Error(fr.courriel_invalide);
  const problem = passwordProblem(motDePasse);
  if (problem) throw new Error(fr[problem]);
  const db = openDb(defaultDbPath());
  try {
    migrate(db);
    const accounts = createAccountQueries(db);
    if (accounts.emailTaken(courriel)) throw new Error(fr.compte_existant);
    accounts.createUser({
      courriel, role: 'administrateur', territoires: [], reseaux: [], passwordHash: await hashPassword(motDePasse),
      createdAt: new Date().toISOString(),
    });
  } finally {
    db.close();
  }
  // The coordinators' space is /admin of the server that serves the map (PORT, 8080 by default).
  console.log(`Administrateur créé : ${courriel}. Connectez-vous sur http://localhost:${process.env.PORT ?? 8080}/admin (ou l’adresse de votre serveur suivie de /admin).`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
