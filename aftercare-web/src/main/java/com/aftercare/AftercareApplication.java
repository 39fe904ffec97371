package com.aftercare;

import com.aftercare.web.demo.DemoMode;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Aftercare platform: one Spring Boot application serving the API, console and portal. It
 * sits in the root package so that component, entity and repository scanning cover every module.
 */
@SpringBootApplication
@EnableScheduling
@EnableAsync
public class AftercareApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(AftercareApplication.class);
        Map<String, String> env = System.getenv();
        if (DemoMode.wanted(args, env)) {
            try {
                DemoMode.Running demo = DemoMode.start(env);
                application.setDefaultProperties(demo.properties());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        demo.servers().close();
                    } catch (Exception ignored) {
                        // the JVM is going away
                    }
                }, "demo-servers-stop"));
            } catch (DemoMode.DemoModeUnavailable e) {
                System.err.println(e.getMessage());
                System.exit(1);
            }
        }
        application.run(args);
    }
}
