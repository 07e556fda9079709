// Bundle entry for the size test and scripts/bench-beacon.mjs: what the integration's page script ships with a
// collector and no sink or consent (core, track, visits), without the bootstrap's one line.
export { startBeacon } from './index.ts';
export { connectTrack, track } from './track.ts';
export { visits } from './visits.ts';
