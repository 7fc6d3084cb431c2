import { catalogueView } from '../../register/catalogue';
import {
  addAuthority,
  addContact,
  addLegalBasis,
  removeAuthority,
  removeContact,
  removeLegalBasis,
  updateAuthority,
  updateLegalBasis,
} from '../../register/catalogue-edit';
import type { HandlerMap } from '../context';

type CatalogueChannels =
  | 'catalogue.view'
  | 'catalogue.addAuthority'
  | 'catalogue.updateAuthority'
  | 'catalogue.removeAuthority'
  | 'catalogue.addContact'
  | 'catalogue.removeContact'
  | 'catalogue.addLegalBasis'
  | 'catalogue.updateLegalBasis'
  | 'catalogue.removeLegalBasis';

/** Editing the catalogues in Settings (admins); the logic is in register/catalogue-edit.ts. */
export const catalogueHandlers: HandlerMap<CatalogueChannels> = {
  'catalogue.view': (_input, ctx) => catalogueView(ctx.db),
  'catalogue.addAuthority': (input, ctx) => addAuthority(ctx, input),
  'catalogue.updateAuthority': (input, ctx) => updateAuthority(ctx, input),
  'catalogue.removeAuthority': (input, ctx) => removeAuthority(ctx, input.code),
  'catalogue.addContact': (input, ctx) => addContact(ctx, input),
  'catalogue.removeContact': (input, ctx) => removeContact(ctx, input),
  'catalogue.addLegalBasis': (input, ctx) => addLegalBasis(ctx, input),
  'catalogue.updateLegalBasis': (input, ctx) => updateLegalBasis(ctx, input),
  'catalogue.removeLegalBasis': (input, ctx) => removeLegalBasis(ctx, input.code),
};
