import { describe, expect, it } from 'vitest';
import { addressKey, communeKey, fold, foldWords, houseNumbers, normalisePostcode, repairText } from './normalise.ts';

describe('normalise', () => {
  it('folds accents, case, ligatures and typographic apostrophes', () => {
    expect(fold('Compréhension du monde numérique')).toBe('comprehension du monde numerique');
    expect(fold('Cœur de Garonne')).toBe('coeur de garonne');
    expect(fold('S’équiper')).toBe("s'equiper");
    expect(foldWords("Médiathèque d'Éourres - Annexe")).toBe('mediatheque d eourres annexe');
  });

  it('pads postcodes whose leading zero a spreadsheet dropped', () => {
    expect(normalisePostcode('6410')).toBe('06410'); // paca-raw "6410 BIOT"
    expect(normalisePostcode('01200')).toBe('01200');
    expect(normalisePostcode('')).toBeNull();
    expect(normalisePostcode('CEDEX')).toBeNull();
  });

  it('compares addresses across abbreviations, and ignores addresses without a house number', () => {
    expect(addressKey('8 AV MAL FOCH', '11100')).toBe(addressKey('8 Avenue Mal Foch', '11100'));
    expect(addressKey('2bis rue de Franchepré', '54240')).toBe(addressKey('2 BIS RUE DE FRANCHEPRE', '54240'));
    expect(addressKey('Pôle seniors santé habitat - 5 rue des Papetiers', '01200')).toBe('5 rue papetiers|01200');
    expect(addressKey('PLACE DE LA MAIRIE', '87160')).toBeNull();
    expect(addressKey('8 AV MAL FOCH', '11000')).not.toBe(addressKey('8 AV MAL FOCH', '11100'));
  });

  it('reads the house numbers an address starts with', () => {
    expect([...houseNumbers('5-9 Rue des Papetiers')]).toEqual(['5', '9']);
    expect([...houseNumbers('19/21 Place du Martoy')]).toEqual(['19', '21']);
    expect(houseNumbers('Place de la Mairie').size).toBe(0);
  });

  it('makes commune names from different sources comparable', () => {
    expect(communeKey('ST QUENTIN')).toBe(communeKey('Saint-Quentin'));
    expect(communeKey('MARSEILLE 11')).toBe(communeKey('Marseille 11e Arrondissement'));
    expect(communeKey('Ambérieu-en-Bugey Cedex')).toBe(communeKey('AMBERIEU EN BUGEY'));
  });
});

describe('text as it was meant', () => {
  it('turns the C1 controls of a wrong decoding into the Windows-1252 character they stand for', () => {
    expect(repairText('Place de l\u0092Église')).toBe('Place de l’Église');
    expect(repairText('\u0093Bien vivre\u0094 \u0096 c\u009cur')).toBe('“Bien vivre” – cœur');
  });

  it('drops what no reader can see, and keeps tabs and line breaks', () => {
    expect(repairText('Mairie\ufffd \u0000annexe\u0081\u007f')).toBe('Mairie annexe');
    expect(repairText('a\tb\r\nc')).toBe('a\tb\r\nc');
    const plain = 'Médiathèque François-Mitterrand';
    expect(repairText(plain)).toBe(plain);
  });
});
