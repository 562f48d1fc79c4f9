// Settings the hostile server is started with that the tests need to know (global-setup.ts).
/** PUBLIC_SUBMISSIONS_PER_DAY on the hostile server: small, so the quota is proven with a few journeys. */
export const HOSTILE_SUBMISSIONS_PER_DAY = 5;
/** PUBLIC_POSTS_PER_10_MIN on the hostile server (1,000 in production): the generated run's visitors stay under it. */
export const HOSTILE_POSTS_PER_10_MIN = 300;
