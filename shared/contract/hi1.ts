import { z } from 'zod';
import { Ack, Empty } from '../schemas/common';
import {
  Hi1Exported,
  Hi1ExportInput,
  Hi1Imported,
  Hi1ImportInput,
  Hi1LinkInput,
  Hi1Sender,
  Hi1SenderKey,
  Hi1Status,
} from '../schemas/hi1';
import { ByNo } from '../schemas/requests';
import { spec } from './spec';

/**
 * ETSI TS 103 120 (HI-1): importing an order and exporting its answer are handling a request
 * (`requests.handle`); the senders and their authorities are the catalogue's, edited by admins.
 */
export const hi1Contract = {
  'hi1.import': spec(Hi1ImportInput, Hi1Imported, 'requests.handle'),
  'hi1.export': spec(Hi1ExportInput, Hi1Exported, 'requests.handle'),
  'hi1.status': spec(ByNo, Hi1Status, 'requests.read'),
  'hi1.senders': spec(Empty, z.array(Hi1Sender), 'requests.read'),
  'hi1.linkSender': spec(Hi1LinkInput, Hi1Sender, 'settings.manage'),
  'hi1.unlinkSender': spec(Hi1SenderKey, Ack, 'settings.manage'),
};
