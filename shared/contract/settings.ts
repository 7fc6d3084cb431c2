import { Ack, Empty } from '../schemas/common';
import { Logo, SetLogoInput, Settings, UpdateSettingsInput } from '../schemas/settings';
import { spec } from './spec';

/** The vault's settings (organisation, policies, deadlines, retention) and the letterhead logo. */
export const settingsContract = {
  'settings.get': spec(Empty, Settings, 'session'),
  'settings.update': spec(UpdateSettingsInput, Settings, 'settings.manage'),
  'settings.logo': spec(Empty, Logo.nullable(), 'session'),
  'settings.setLogo': spec(SetLogoInput, Logo, 'settings.manage'),
  'settings.clearLogo': spec(Empty, Ack, 'settings.manage'),
};
