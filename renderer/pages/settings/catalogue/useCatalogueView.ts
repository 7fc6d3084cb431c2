import { desk, unwrap } from '../../../api';
import { useDeskData } from '../../../hooks/useDeskData';

/** The whole catalogue as admins see it (active or not, with request counts), and a reload. */
export const useCatalogueView = () =>
  useDeskData(async () => unwrap(await desk.catalogue.view({})), []);
