export { holm } from './holm.ts';
export { normalCdf, normalQuantile, normalUpperTail } from './normal.ts';
export { detectableRate, power, sampleSizePerGroup } from './power.ts';
export { type Interval, wilsonInterval, Z_95 } from './wilson.ts';
export { type Alternative, twoProportionZTest, type ZTest } from './z-test.ts';
