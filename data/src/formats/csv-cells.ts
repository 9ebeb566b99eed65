/**
 * CSV cells a spreadsheet would run as a formula, made inert as OWASP's "CSV Injection" guidance
 * says: a cell starting with `=`, `@`, a tab or a carriage return, or with `+` or `-` not followed
 * by a plain number, gets a leading apostrophe. Numbers stay numbers: a longitude "-1.5536", an
 * E.164 phone "+33471000000".
 */
const PLAIN_NUMBER = /^[+-]\d+([.,]\d+)?$/;
const RUNS_AS_FORMULA = /^[=@\t\r]|^[+-]/;

export function inertCell(value: string): string {
  if (!RUNS_AS_FORMULA.test(value) || PLAIN_NUMBER.test(value)) return value;
  return `'${value}`;
}

/** The reverse, for a file we wrote and read back: an apostrophe this module added is taken off again. */
export function cellAsWritten(value: string): string {
  return value.startsWith("'") && RUNS_AS_FORMULA.test(value.slice(1)) && !PLAIN_NUMBER.test(value.slice(1)) ? value.slice(1) : value;
}
