import { catalogueView, listAuthorities, listLegalBases } from './catalogue';
import {
  addAuthority,
  addContact,
  addLegalBasis,
  removeAuthority,
  removeContact,
  removeLegalBasis,
  updateAuthority,
  updateLegalBasis,
} from './edit';
import type { HandlerMap } from '../core/context';
import type { catalogueContract } from '../../shared/contract/catalogue';

type CatalogueChannels = keyof typeof catalogueContract;

/** Reading the catalogues (access per channel in the contract) and editing them (admins, edit.ts). */
export const catalogueHandlers: HandlerMap<CatalogueChannels> = {
  'catalogue.legalBases': (_input, ctx) => listLegalBases(ctx.db),
  'catalogue.authorities': (_input, ctx) => listAuthorities(ctx.db),
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
