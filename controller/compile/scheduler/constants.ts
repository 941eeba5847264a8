/** vCPUs the scheduler allows per host CPU left after `reserved` (CPU is time-shared). */
export const CPU_OVERCOMMIT_RATIO = 4.0;

/** Memory is never overcommitted: guests get real memory up to their maximum. */
export const MEMORY_OVERCOMMIT_RATIO = 1.0;

/** How many hosts an unplaced reason names before summarising the rest. */
export const MAX_REASON_HOSTS = 8;
