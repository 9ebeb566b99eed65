import { describe, expect, it } from 'vitest';
import { cellAsWritten, inertCell } from './csv-cells.ts';

describe('CSV cells safe to open in a spreadsheet', () => {
  it.each(['=HYPERLINK("http://x","clic")', '@SUM(A1)', '+1+cmd|calc', '-2+3', '\tcaché', '\r=1+1', '- Centre social'])('neutralises %j', (cell) => {
    expect(inertCell(cell)).toBe(`'${cell}`);
    expect(cellAsWritten(inertCell(cell))).toBe(cell);
  });

  it.each(['+33471000000', '-1.5536', '-21,3', 'Médiathèque', '12 rue de la Paix', "'déjà cité", ''])('leaves %j as it is', (cell) => {
    expect(inertCell(cell)).toBe(cell);
    expect(cellAsWritten(cell)).toBe(cell);
  });
});
