import { desk, unwrap } from '../../api';
import { useDeskData } from '../../hooks/useDeskData';

/** The authorities and legal bases a request can name (for the register's filters and the form). */
export const useRequestCatalogue = () =>
  useDeskData(
    async () => ({
      authorities: unwrap(await desk.catalogue.authorities({})),
      bases: unwrap(await desk.catalogue.legalBases({})),
    }),
    [],
  );

export type RequestCatalogue = NonNullable<ReturnType<typeof useRequestCatalogue>['data']>;
