import type { FirstSteps } from '../../shared/schemas/vault';
import type { Role } from '../../shared/roles';
import type { Db } from '../core/db';
import { readSettings } from '../core/settings';

/**
 * The first steps of a new desk, each read from what the vault holds: an active account per role
 * the admin cannot stand in for (the admin logs no request, and four eyes needs a second person),
 * customer data imported, and the letterhead filled in. Nothing is stored about the steps
 * themselves, so a step undone (the only officer disabled) shows as open again.
 */
export function firstSteps(db: Db): FirstSteps {
  const roles = new Set(
    (
      db.prepare('SELECT DISTINCT role FROM user WHERE disabled_at IS NULL').all() as {
        role: Role;
      }[]
    ).map((r) => r.role),
  );
  const customers = db.prepare('SELECT 1 FROM customer LIMIT 1').get() !== undefined;
  const org = readSettings(db).organisation;
  return {
    officer: roles.has('officer'),
    approver: roles.has('approver'),
    importer: roles.has('importer'),
    customers,
    // What a letter needs to name its sender; the name itself comes from the vault when unset.
    organisation: [org.address, org.postcode, org.city].every((v) => v.trim() !== ''),
  };
}
