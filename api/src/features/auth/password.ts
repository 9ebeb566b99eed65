import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { repoRoot } from '@reperes/data/paths.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * scrypt is memory-hard, so guessing on a GPU costs as much memory per try as here (32 MiB with
 * N=2^15, r=8). The parameters are stored with each hash: raising them later keeps old hashes valid.
 */
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 12;

const derive = (password: string, salt: Buffer, o: { N: number; r: number; p: number }) =>
  new Promise<Buffer>((resolve, reject) => {
    const options: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 256 * o.N * o.r };
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algo, n, r, p, salt, hash] = stored.split('$');
  if (algo !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummy: Promise<string> | undefined;
/** A real hash of nothing anyone knows: checking an unknown e-mail against it takes as long as a real check. */
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(24).toString('base64')));

const common = new Set(
  readFileSync(join(repoRoot, 'api', 'src', 'features', 'auth', 'common-passwords.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#')),
);

/** The message key explaining why a password is refused, or null when it is strong enough. */
export function passwordProblem(password: string): 'mot_de_passe_trop_court' | 'mot_de_passe_trop_courant' | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'mot_de_passe_trop_court';
  const folded = password.toLowerCase();
  // One repeated character ("aaaaaaaaaaaa") is as weak as any listed password.
  if (common.has(folded) || new Set(folded).size <= 2) return 'mot_de_passe_trop_courant';
  return null;
}
