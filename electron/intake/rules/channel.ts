import type { RequestChannel } from '../../../shared/schemas/terms';
import type { DocumentKind } from '../../../shared/schemas/intake';
import type { Span } from '../text/document';
import { span } from '../text/document';
import type { Layout } from '../text/layout';

/**
 * How the request came in. The written confirmation of an oral request is `phone` (the request
 * itself was oral); an EPOC certificate is `epoc` unless it arrived as a mail; portal exports say
 * so; a mail is `email`. A PDF that says nothing was most likely posted: that is a default,
 * flagged as such. Pasted text that says nothing gets no channel.
 */
export const ORAL_CONFIRMATION =
  /(?:schriftelijke\s+)?bevestiging\s+van\s+(?:de|het|een)\s+(?:mondelinge|telefonische|mondeling|telefonisch)|(?:mondeling|telefonisch)\s+(?:gedane\s+)?(?:vordering|verzoek)[^.]{0,40}bevestig|written confirmation of (?:the|an) (?:oral|telephone|verbal)|confirm(?:ation of|ing) (?:the|our) (?:oral|telephone) request/i;
export const EPOC_FORM =
  /european production order certificate|\bEPOC\b|europees verstrekkingsbevel/i;
export const PORTAL =
  /\bportaal\b|\bportal\b|ingediend via|submitted via|aanvraagnummer portaal|webformulier|web form/i;

export interface ChannelChoice {
  value: RequestChannel;
  span?: Span;
  reason: string;
  assumed: boolean;
}

function first(layout: Layout, re: RegExp): Span | undefined {
  for (const l of layout.lines) {
    if (layout.zones[l.index] === 'quoted') continue;
    const m = re.exec(l.text);
    if (m) return span(l, m.index, m.index + m[0].length);
  }
  return undefined;
}

export function findChannel(layout: Layout, kind: DocumentKind): ChannelChoice | null {
  const oral = first(layout, ORAL_CONFIRMATION);
  if (oral)
    return {
      value: 'phone',
      span: oral,
      reason: 'written_confirmation_of_oral_request',
      assumed: false,
    };
  if (kind === 'eml' || kind === 'msg')
    return { value: 'email', reason: 'mail_document', assumed: false };
  const epoc = first(layout, EPOC_FORM);
  if (epoc) return { value: 'epoc', span: epoc, reason: 'epoc_certificate', assumed: false };
  const portal = first(layout, PORTAL);
  if (portal) return { value: 'portal', span: portal, reason: 'portal_named', assumed: false };
  if (kind === 'pdf') return { value: 'post', reason: 'pdf_without_channel', assumed: true };
  return null;
}
