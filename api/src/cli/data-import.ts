import { formatSummary } from '@reperes/data/summary.ts';
import { importShippedData } from '../features/shipped-data/import-shipped.ts';

// `npm run data:import`: the shipped open data into the database, all or nothing.
try {
  console.log(formatSummary(importShippedData()));
} catch (error) {
  console.error('Import interrompu, la base précédente est inchangée :', error);
  process.exitCode = 1;
}
