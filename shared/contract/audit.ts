import { z } from 'zod';
import { Empty } from '../schemas/common';
import {
  AuditExportInput,
  AuditExportOutput,
  AuditListInput,
  AuditListOutput,
  AuditVerifyOutput,
  ChainHead,
  CheckWitnessInput,
  CheckWitnessOutput,
  Witness,
} from '../schemas/audit';
import { spec } from './spec';

/** The hash-chained audit log: read, verify, export, and chain-head witnesses kept outside. */
export const auditContract = {
  'audit.list': spec(AuditListInput, AuditListOutput, 'audit.read'),
  'audit.verify': spec(Empty, AuditVerifyOutput, 'audit.read'),
  'audit.head': spec(Empty, ChainHead, 'session'),
  'audit.actions': spec(Empty, z.array(z.string()), 'audit.read'),
  'audit.export': spec(AuditExportInput, AuditExportOutput, 'audit.read'),
  'audit.witness': spec(Empty, Witness, 'session'),
  'audit.checkWitness': spec(CheckWitnessInput, CheckWitnessOutput, 'audit.read'),
};
