import { StatsPage } from './StatsPage';
import './stats.css';

/** The statistics section (issue 6): yearly figures and the transparency report. */
export default StatsPage;
