package com.aftercare.domain.mail.dispatch;

import com.aftercare.domain.shared.Secrets;
import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;

/** Just the outbox and the dispatcher, on Boot's auto-configured JPA, JDBC, Flyway and mail. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(
        basePackages = {
            "com.aftercare.domain.mail.outbox",
            "com.aftercare.domain.mail.dispatch",
            "com.aftercare.domain.mail.sender"
        })
@Import(Secrets.class)
class DispatchTestApplication {

    /** The application's clock comes from the shop configuration, which this slice leaves out. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
