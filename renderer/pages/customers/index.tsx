import { ComingLater } from '../../components/ComingLater';

/** The customers section (placeholder until its engineer replaces this page; the router imports it). */
export default function CustomersPage() {
  return <ComingLater section="customers" />;
}
