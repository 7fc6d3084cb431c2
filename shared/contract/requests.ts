import { z } from 'zod';
import { Empty } from '../schemas/common';
import { SaveResult } from '../schemas/letters';
import { MatchOutput } from '../schemas/matching';
import {
  AmendInput,
  ApproveInput,
  AttachDocumentInput,
  ByNo,
  CheckResult,
  ConvertHoldInput,
  CreatedRequest,
  Dashboard,
  DecideInput,
  DocumentOutput,
  DocumentText,
  ExtendHoldInput,
  ListRequestsInput,
  NewRequestInput,
  RequestDetail,
  ReleaseHoldInput,
  RequestSummary,
  ResolveTimeInput,
  VerifyInput,
  WrittenConfirmationInput,
} from '../schemas/requests';
import { spec } from './spec';

/**
 * The request register. Logging, checking, matching and deciding need `requests.handle`; approving a disclosure needs
 * `requests.approve` (a different person, four eyes); reading the register `requests.read`.
 */
export const requestsContract = {
  'requests.create': spec(NewRequestInput, CreatedRequest, 'requests.handle'),
  'requests.list': spec(ListRequestsInput, z.array(RequestSummary), 'requests.read'),
  'requests.dashboard': spec(Empty, Dashboard, 'requests.read'),
  'requests.get': spec(ByNo, RequestDetail, 'requests.read'),
  'requests.verify': spec(VerifyInput, RequestDetail, 'requests.handle'),
  'requests.check': spec(ByNo, CheckResult, 'requests.handle'),
  'requests.resolveTime': spec(ResolveTimeInput, RequestDetail, 'requests.handle'),
  'requests.match': spec(ByNo, MatchOutput, 'requests.handle'),
  'requests.decide': spec(DecideInput, RequestDetail, 'requests.handle'),
  'requests.approve': spec(ApproveInput, RequestDetail, 'requests.approve'),
  'requests.amend': spec(AmendInput, RequestDetail, 'requests.handle'),
  'requests.confirmWritten': spec(WrittenConfirmationInput, RequestDetail, 'requests.handle'),
  /** A preservation order's hold: extended (Annex VI), converted (Annex V) or released. */
  'requests.extendHold': spec(ExtendHoldInput, RequestDetail, 'requests.handle'),
  'requests.convertHold': spec(ConvertHoldInput, RequestDetail, 'requests.handle'),
  'requests.releaseHold': spec(ReleaseHoldInput, RequestDetail, 'requests.handle'),
  'requests.attachDocument': spec(AttachDocumentInput, RequestDetail, 'requests.handle'),
  'requests.document': spec(ByNo, DocumentOutput, 'requests.read'),
  'requests.documentText': spec(ByNo, DocumentText, 'requests.read'),
  /** The original document to a file picked in the save dialog (the app), audited. */
  'requests.saveDocument': spec(ByNo, SaveResult, 'requests.read'),
};
