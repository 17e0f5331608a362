/**
 * The power at which every check states its smallest detectable deviation, and at which sample sizes
 * are planned: a deviation of that size is missed with probability at most 1%.
 */
export const DETECTION_POWER = 0.99;
