package com.aftercare.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Aftercare platform: one Spring Boot application serving the API, console and portal. */
@SpringBootApplication(scanBasePackages = "com.aftercare")
@EnableScheduling
public class AftercareApplication {

    public static void main(String[] args) {
        SpringApplication.run(AftercareApplication.class, args);
    }
}
