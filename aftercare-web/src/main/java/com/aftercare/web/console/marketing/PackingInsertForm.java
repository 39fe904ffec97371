package com.aftercare.web.console.marketing;

import com.aftercare.stepmail.packing.PackingInserts;

/** The packing-insert card as the form sends it. */
record PackingInsertForm(String heading, String body) {

    static PackingInsertForm of(PackingInserts.CardTemplate card) {
        return new PackingInsertForm(card.heading(), card.body());
    }

    PackingInserts.CardTemplate toCard() {
        return new PackingInserts.CardTemplate(heading, body);
    }
}
