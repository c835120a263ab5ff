package org.risala;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RisalaApplication {

    public static void main(String[] args) {
        atLeastTwoCommonPoolThreads();
        SpringApplication.run(RisalaApplication.class, args);
    }

    /**
     * With fewer than two common-pool threads (any machine with two cores) the JDK runs every asynchronous
     * CompletableFuture step without an executor on a thread of its own, started for it; its HTTP client does that
     * for every response, so under load Risala would spend more time starting threads than answering.
     * Set before anything touches the pool; an explicit setting wins.
     */
    static void atLeastTwoCommonPoolThreads() {
        String property = "java.util.concurrent.ForkJoinPool.common.parallelism";
        if (System.getProperty(property) == null && Runtime.getRuntime().availableProcessors() <= 2) {
            System.setProperty(property, "2");
        }
    }
}
