package com.aftercare.stepmail.dispatch;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** Just the outbox and the dispatcher, on Boot's auto-configured JPA, JDBC, Flyway and mail. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = {"com.aftercare.domain.mail", "com.aftercare.stepmail.dispatch"})
class DispatchTestApplication {}
