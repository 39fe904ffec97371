package com.aftercare.web;

import com.aftercare.web.demo.DemoMode;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Aftercare platform: one Spring Boot application serving the API, console and portal. */
@SpringBootApplication(scanBasePackages = "com.aftercare")
@EnableScheduling
@EnableAsync
public class AftercareApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(AftercareApplication.class);
        Map<String, String> env = System.getenv();
        if (DemoMode.wanted(args, env)) {
            try {
                application.setDefaultProperties(DemoMode.start(env));
            } catch (DemoMode.DemoModeUnavailable e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
        }
        application.run(args);
    }
}
