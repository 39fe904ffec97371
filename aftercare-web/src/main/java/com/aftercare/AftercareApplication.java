package com.aftercare;

import com.aftercare.web.demo.DemoMode;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
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
        if (!DemoMode.wanted(args, env)) {
            application.run(args);
            return;
        }
        DemoMode.Running demo;
        try {
            demo = DemoMode.start(env);
        } catch (DemoMode.DemoModeUnavailable e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        application.setDefaultProperties(demo.properties());
        // Stop the app before its database and mail catcher, not in a race with them, and also
        // when stopped while still starting.
        application.setRegisterShutdownHook(false);
        AtomicReference<ConfigurableApplicationContext> context = new AtomicReference<>();
        application.addInitializers(context::set);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            if (context.get() != null) {
                                context.get().close();
                            }
                            try {
                                demo.servers().close();
                            } catch (Exception ignored) {
                                // the JVM is going away
                            }
                        },
                        "aftercare-demo-stop"));
        application.run(args);
    }
}
