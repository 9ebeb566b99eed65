import type { PlaceText } from '../source-place.ts';

/** A place as the writers of the standard formats read it: a `lieux` row with its lists decoded. */
export interface ExportPlace extends PlaceText {
  id: string;
  latitude: number;
  longitude: number;
  precision: string;
  services: string[];
  types: string[];
  /** Labels of the numérique services, which are the LMN v1.0.2 service labels. */
  numeriqueLabels: string[];
  /** data·inclusion typology codes of the place's types (types.code_di). */
  typeCodes: string[];
}

/** Some sources date a row to the month ("2023-02"); both schemas want a day: the first of the month. */
export const fullDate = (date: string | null): string | null =>
  date === null ? null : date.length === 7 ? `${date}-01` : date.length === 4 ? `${date}-01-01` : date;
