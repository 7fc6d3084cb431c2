import { DeadlineRulesForm } from '../catalogue/DeadlineRulesForm';
import '../catalogue/catalogue.css';
import { ImportRulesForm } from './ImportRulesForm';

/** The desk's rules (admins): answer deadlines per urgency and the import's mass-close guard. */
export function DeskRulesPage() {
  return (
    <>
      <DeadlineRulesForm />
      <ImportRulesForm />
    </>
  );
}
