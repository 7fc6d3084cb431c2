import { ComingLater } from '../../components/ComingLater';

/** The stats section (placeholder until its engineer replaces this page; the router imports it). */
export default function StatsPage() {
  return <ComingLater section="stats" />;
}
