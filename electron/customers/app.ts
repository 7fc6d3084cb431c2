import { parseTime } from './fields';
import { cancelImportJob, importJobState, runningImport, startImportJob } from './jobs';
import { previewFile } from './preview';
import { customersSummary, historyStart } from './summary';
import type { HandlerMap } from '../core/context';
import type { customersContract } from '../../shared/contract/customers';
import { wordedError } from '../core/errors';

type CustomersChannels = keyof typeof customersContract;

/** Handlers of the customers domain; their channels are in shared/contract/customers.ts. */
export const customersHandlers: HandlerMap<CustomersChannels> = {
  'customers.preview': (input, ctx) => {
    const f = ctx.session.files.resolve(input.file);
    return previewFile(f.path, f.name, input.kind);
  },

  'customers.importStart': (input, ctx) => {
    const f = ctx.session.files.resolve(input.file);
    let asOf: number | null = null;
    if (input.asOf !== undefined) {
      const t = parseTime(input.asOf);
      if (!t.ok)
        throw wordedError('BAD_INPUT', 'input.invalid', { field: 'as-of', problem: t.reason });
      asOf = t.value;
    }
    const jobId = startImportJob(ctx, {
      path: f.path,
      fileName: f.name,
      kind: input.kind,
      asOf,
      acceptValid: input.acceptValid,
      dryRun: input.dryRun,
      allowMassClose: input.allowMassClose,
    });
    return { jobId };
  },

  'customers.importProgress': (input, ctx) =>
    importJobState(ctx.session, input.jobId, input.waitMs),

  'customers.importCancel': (input, ctx) => {
    cancelImportJob(ctx.session, input.jobId);
    return { done: true };
  },

  'customers.summary': (_input, ctx) => ({
    ...customersSummary(ctx.db, ctx.now()),
    running: runningImport(ctx.session),
  }),

  'customers.historyStart': (_input, ctx) => historyStart(ctx.db),
};
