import { StatsPage } from './StatsPage';
import './stats.css';

/** The statistics section: yearly figures and the transparency report. */
export default StatsPage;
