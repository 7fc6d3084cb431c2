import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/channel-names';
import { CHANNELS } from '../../shared/contract';

describe('shared/channel-names.ts', () => {
  it('lists exactly the channels of the contract (the preload builds window.desk from it)', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
  });
});
