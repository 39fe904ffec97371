package com.aftercare.domain.mail.dispatch;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** Just the outbox and the dispatcher, on Boot's auto-configured JPA, JDBC, Flyway and mail. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"com.aftercare.domain.mail.outbox", "com.aftercare.domain.mail.dispatch"})
class DispatchTestApplication {}
