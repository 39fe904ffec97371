package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.shared.Secrets;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/** Just the outbox and the dispatcher, on Boot's auto-configured JPA, JDBC, Flyway and mail. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {
            "com.aftercare.domain.mail.outbox",
            "com.aftercare.domain.mail.dispatch",
            "com.aftercare.domain.mail.sender",
            // the application's clock
            "com.aftercare.domain.shop"
        })
@Import(Secrets.class)
class DispatchTestApplication {}
