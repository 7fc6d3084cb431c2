import { Ack, Empty } from '../schemas/common';
import {
  CustomersSummary,
  HistoryStart,
  ImportCancelInput,
  ImportJobState,
  ImportPreview,
  ImportProgressInput,
  ImportStartInput,
  ImportStartOutput,
  PreviewInput,
} from '../schemas/customers';
import { spec } from './spec';

/**
 * Customer data import. A long import is a job: start → poll progress (optionally waiting
 * for the end) → report; cancel at any time. Same channels for IPC, CLI and the HTTP harness.
 * Files arrive as tokens (files.pickOpen or the harness upload), never as paths.
 */
export const customersContract = {
  'customers.preview': spec(PreviewInput, ImportPreview, 'customers.import'),
  'customers.importStart': spec(ImportStartInput, ImportStartOutput, 'customers.import'),
  'customers.importProgress': spec(ImportProgressInput, ImportJobState, 'customers.import'),
  'customers.importCancel': spec(ImportCancelInput, Ack, 'customers.import'),
  'customers.summary': spec(Empty, CustomersSummary, 'vault.read'),
  'customers.historyStart': spec(Empty, HistoryStart, 'requests.handle'),
};
