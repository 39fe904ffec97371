package com.aftercare.web.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftercare.domain.operator.Operators;
import com.aftercare.domain.storefront.Storefronts;
import com.aftercare.inquiry.Category;
import com.aftercare.inquiry.Channel;
import com.aftercare.inquiry.Inquiries;
import com.aftercare.inquiry.InquiryQueue;
import com.aftercare.inquiry.Priority;
import com.aftercare.web.support.AftercareIntegrationTest;
import com.aftercare.web.support.Events;
import com.aftercare.web.support.TestStorefronts;
import com.aftercare.web.support.TestStorefronts.TestStorefront;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The console queue: most urgent first, keyset pages, the "mine" filter. */
@AftercareIntegrationTest
class InquiryQueueTest {

    @Autowired
    Inquiries inquiries;

    @Autowired
    InquiryQueue queue;

    @Autowired
    Storefronts storefronts;

    @Autowired
    Operators operators;

    TestStorefront storefront;
    String operator;

    @BeforeEach
    void setUp() {
        storefront = TestStorefronts.create(storefronts);
        operator = "op-" + UUID.randomUUID().toString().substring(0, 8);
        operators.ensure(operator, "{noop}x", "オペレーター", Operators.Role.OPERATOR);
    }

    @Test
    void shouldListFlaggedThenSoonestDueThenPriorityAcrossKeysetPages() {
        String low = open(Priority.LOW);
        String urgent = open(Priority.URGENT);
        String normal = open(Priority.NORMAL);
        String flaggedLow = open(Priority.LOW);
        inquiries.flag(flaggedLow, "強いご不満", operator);
        String resolved = open(Priority.URGENT);
        inquiries.resolve(resolved, operator);

        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            InquiryQueue.Page page = queue.page(InquiryQueue.Filter.MINE, operator, after, 2);
            page.items().forEach(i -> seen.add(i.reference()));
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(seen).containsExactly(flaggedLow, urgent, normal, low);
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void shouldCarryTheCustomersNameAndTheSlaStateButNoAddress() {
        String reference = open(Priority.URGENT);

        InquiryQueue.Item item =
                queue.page(InquiryQueue.Filter.MINE, operator, null, 10).items().get(0);

        assertThat(item.reference()).isEqualTo(reference);
        assertThat(item.customerName()).isEqualTo("山田 花子");
        assertThat(item.assignee()).isEqualTo(operator);
        assertThat(item.sla()).isNotNull();
    }

    private String open(Priority priority) {
        String reference = inquiries
                .open(new Inquiries.OpenInquiry(
                        storefront.id(),
                        Channel.WEB_FORM,
                        Events.unique("queue") + "@example.jp",
                        "山田 花子",
                        null,
                        null,
                        Category.PRODUCT,
                        priority,
                        "マグカップが欠けていました",
                        "写真を添付します。",
                        null))
                .reference();
        inquiries.take(reference, operator);
        return reference;
    }
}
