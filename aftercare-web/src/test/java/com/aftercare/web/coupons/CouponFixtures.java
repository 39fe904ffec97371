package com.aftercare.web.coupons;

import com.aftercare.domain.customer.CustomerId;
import com.aftercare.web.support.Events;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Customers to hand coupons to, without going through an order. */
final class CouponFixtures {

    private CouponFixtures() {}

    static CustomerId customer(JdbcClient jdbc) {
        String email = Events.unique("coupon") + "@example.jp";
        return new CustomerId(
                jdbc.sql("""
                        insert into customer (email, email_normalized, name) values (:email, :email, '山田 花子')
                        returning id
                        """).param("email", email).query(Long.class).single());
    }
}
