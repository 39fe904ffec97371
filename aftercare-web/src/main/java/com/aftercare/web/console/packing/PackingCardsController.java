package com.aftercare.web.console.packing;

import com.aftercare.domain.order.OrderId;
import com.aftercare.domain.shared.NotFound;
import com.aftercare.domain.shop.ShopProperties;
import com.aftercare.stepmail.packing.PackingInserts;
import com.aftercare.web.console.ConsoleViews;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Packing inserts to print (every console user: the people who pack the parcels): the day's
 * batch, one card a page, or a single order's card.
 */
@Controller
@RequestMapping("/console/packing")
class PackingCardsController {

    private final PackingInserts inserts;
    private final ShopProperties shop;
    private final Clock clock;

    PackingCardsController(PackingInserts inserts, ShopProperties shop, Clock clock) {
        this.inserts = inserts;
        this.shop = shop;
        this.clock = clock;
    }

    /** The cards of the orders shipped on {@code day} (shop time), today when not given. */
    @GetMapping
    String batch(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day, Model model) {
        LocalDate shopDay = day == null ? LocalDate.ofInstant(clock.instant(), shop.zone()) : day;
        model.addAttribute("day", shopDay);
        model.addAttribute("cards", inserts.shippedOn(shopDay));
        return ConsoleViews.PACKING_CARDS;
    }

    @GetMapping("/orders/{id}")
    String one(@PathVariable long id, Model model) {
        model.addAttribute("day", null);
        model.addAttribute(
                "cards",
                List.of(inserts.cardFor(new OrderId(id)).orElseThrow(() -> NotFound.order(String.valueOf(id)))));
        return ConsoleViews.PACKING_CARDS;
    }
}
