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
import { z } from 'zod';
import { Ack, Empty } from '../schemas/common';
import { Authority, LegalBasis } from '../schemas/catalogue';
import { spec } from './spec';

/**
 * The legal catalogue and the authorities with their verified contact channels. Every signed-in
 * user reads the bases and authorities (to log a request); those who handle or read requests also
 * read the whole catalogue with who verified each channel, how and when (call-backs). Only admins
 * edit it. The catalogue holds no subscriber data, so reading it is not audited; edits are.
 */
export const catalogueContract = {
  'catalogue.legalBases': spec(Empty, z.array(LegalBasis), 'session'),
  'catalogue.authorities': spec(Empty, z.array(Authority), 'session'),
  'catalogue.view': spec(Empty, CatalogueView, 'requests.read'),
  'catalogue.addAuthority': spec(AddAuthorityInput, CatalogueAuthority, 'settings.manage'),
  'catalogue.updateAuthority': spec(UpdateAuthorityInput, CatalogueAuthority, 'settings.manage'),
  'catalogue.removeAuthority': spec(ByCode, Ack, 'settings.manage'),
  'catalogue.addContact': spec(AddContactInput, CatalogueAuthority, 'settings.manage'),
  'catalogue.removeContact': spec(RemoveContactInput, CatalogueAuthority, 'settings.manage'),
  'catalogue.addLegalBasis': spec(AddLegalBasisInput, CatalogueLegalBasis, 'settings.manage'),
  'catalogue.updateLegalBasis': spec(UpdateLegalBasisInput, CatalogueLegalBasis, 'settings.manage'),
  'catalogue.removeLegalBasis': spec(ByCode, Ack, 'settings.manage'),
};
