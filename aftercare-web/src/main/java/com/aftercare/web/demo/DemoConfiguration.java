package com.aftercare.web.demo;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Demo mode's wiring: the clock its history is replayed on (see {@link DemoClock}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "aftercare.demo.enabled", havingValue = "true")
class DemoConfiguration {

    /** Primary over the shop's system clock, so every service stamps with it. */
    @Bean
    @Primary
    DemoClock demoClock() {
        return new DemoClock(Clock.systemUTC());
    }
}
