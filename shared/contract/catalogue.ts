import {
  AddAuthorityInput,
  AddContactInput,
  AddLegalBasisInput,
  ByCode,
  CatalogueAuthority,
  CatalogueLegalBasis,
  CatalogueView,
  RemoveContactInput,
  UpdateAuthorityInput,
  UpdateLegalBasisInput,
} from '../schemas/catalogue';
import { Ack, Empty } from '../schemas/common';
import { spec } from './spec';

/**
 * Editing the legal catalogue and the authorities with their verified contact channels (Settings,
 * admins; see electron/api/handlers/catalogue.ts). The read channels every signed-in user needs for
 * logging a request (`catalogue.legalBases`, `catalogue.authorities`) are in requests.ts.
 */
export const catalogueContract = {
  'catalogue.view': spec(Empty, CatalogueView, 'settings.manage'),
  'catalogue.addAuthority': spec(AddAuthorityInput, CatalogueAuthority, 'settings.manage'),
  'catalogue.updateAuthority': spec(UpdateAuthorityInput, CatalogueAuthority, 'settings.manage'),
  'catalogue.removeAuthority': spec(ByCode, Ack, 'settings.manage'),
  'catalogue.addContact': spec(AddContactInput, CatalogueAuthority, 'settings.manage'),
  'catalogue.removeContact': spec(RemoveContactInput, CatalogueAuthority, 'settings.manage'),
  'catalogue.addLegalBasis': spec(AddLegalBasisInput, CatalogueLegalBasis, 'settings.manage'),
  'catalogue.updateLegalBasis': spec(UpdateLegalBasisInput, CatalogueLegalBasis, 'settings.manage'),
  'catalogue.removeLegalBasis': spec(ByCode, Ack, 'settings.manage'),
};
