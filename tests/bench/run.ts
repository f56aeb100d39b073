/**
 * npm run bench: speed and memory figures, each beside a baseline measured in the same run.
 * Benchmarks print numbers; they never pass or fail on time (tests check behaviour).
 */
import { benchMatcher } from './matcher';

benchMatcher();
