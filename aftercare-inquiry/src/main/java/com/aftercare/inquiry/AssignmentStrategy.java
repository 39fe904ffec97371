package com.aftercare.inquiry;

/** How a team's member is chosen for a new inquiry. */
public enum AssignmentStrategy {
    /** Members take turns in a fixed order; unavailable members are skipped. */
    ROUND_ROBIN,
    /** The available member with the fewest active inquiries. */
    LEAST_LOADED
}
