// National prefixes of the DROM and their international codes, as the LMN schema's telephone pattern lists them.
const OVERSEAS: [RegExp, string][] = [
  [/^0(262|263|692|693)/, '+262'],
  [/^0(269|639)/, '+262'],
  [/^0(590|690|691)/, '+590'],
  [/^0(594|694)/, '+594'],
  [/^0(596|696|697)/, '+596'],
];

/**
 * One national number ("01 23 45 67 89") in the international form the LMN schema asks for
 * (+33123456789, +262262123456). Anything else (several numbers, short numbers) gives null:
 * `cleanPhone` turns the result back into the national form, so an export re-imported is unchanged.
 */
export function toInternational(telephone: string | null): string | null {
  if (!telephone) return null;
  const digits = telephone.replace(/\s/g, '');
  if (!/^0\d{9}$/.test(digits)) return null;
  for (const [prefix, code] of OVERSEAS) if (prefix.test(digits)) return `${code}${digits.slice(1)}`;
  return `+33${digits.slice(1)}`;
}
