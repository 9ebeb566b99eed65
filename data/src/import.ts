import { runImport } from './pipeline.ts';
import { formatSummary } from './summary.ts';

try {
  console.log(formatSummary(runImport()));
} catch (error) {
  console.error('Import interrompu, la base précédente est inchangée :', error);
  process.exitCode = 1;
}
