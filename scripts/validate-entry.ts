// Entry of `npm run validate` (bundled by scripts/validate.mjs): what the simulations need from src/.
export { newcombeDifferenceTest, wilsonInterval, binomialSample, seededRandom, normalCriticalValue } from '../src/stats/index.js';
export { compareTallies } from '../src/analysis/estimate.js';
export { addInto, emptyTally } from '../src/model/tally.js';
