package com.aftercare.web.console.customers;

/** A note about the customer as an operator types it; {@code CustomerNotes} checks it. */
record NoteForm(String body) {

    static NoteForm empty() {
        return new NoteForm("");
    }
}
