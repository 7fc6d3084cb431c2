import { ComingLater } from '../../components/ComingLater';

/** The requests section (placeholder until its engineer replaces this page; the router imports it). */
export default function RequestsPage() {
  return <ComingLater section="requests" />;
}
