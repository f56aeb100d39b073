/**
 * npm run bench: speed and memory figures, each beside a baseline measured in the same run.
 * Benchmarks print numbers; they never pass or fail on time (tests check behaviour).
 * `npm run bench -- matcher` or `-- browser` runs one part.
 */
import { benchBrowser } from './browser';
import { benchMatcher } from './matcher';

const only = process.argv[2];
if (!only || only === 'matcher') benchMatcher();
if (!only || only === 'browser') await benchBrowser();
