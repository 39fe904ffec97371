package com.aftercare.domain.ingest;

import com.aftercare.domain.shared.DomainException;

/** An event id was reused with a different body: a storefront bug we must not paper over. */
public class EventIdConflict extends DomainException {

    private EventIdConflict(String message) {
        super(message);
    }

    static EventIdConflict forEvent(String eventId) {
        return new EventIdConflict("Event " + eventId + " was already received with a different body");
    }
}
