package org.acceso.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * One Kafka node (broker and controller, KRaft) from the Maven jars, configured by deploy/kafka/server.properties
 * with this system's ports and log folder; its storage is formatted once.
 */
final class KafkaRunner extends Runner {

    private final Path dir;

    KafkaRunner(StackSpec spec) {
        super(spec, Infrastructure.KAFKA);
        this.dir = spec.dataDir().resolve("kafka");
    }

    private Path properties() {
        return dir.resolve("server.properties");
    }

    private Path logging() {
        return dir.resolve("log4j2.yaml");
    }

    private List<String> java(String... rest) {
        List<String> command = new java.util.ArrayList<>(List.of(StackSpec.javaExecutable().toString()));
        command.addAll(List.of(rest));
        return command;
    }

    @Override
    void prepare() throws IOException {
        Path deployKafka = spec.projectDir().resolve("deploy/kafka");
        Files.createDirectories(dir.resolve("data"));
        Layout layout = spec.layout();
        Files.writeString(properties(), Files.readString(deployKafka.resolve("server.properties"))
                .replace("@HOST@", Layout.HOST)
                .replace("@PORT@", String.valueOf(layout.port(Layout.KAFKA)))
                .replace("@CONTROLLER_PORT@", String.valueOf(layout.port(Layout.KAFKA_CONTROLLER)))
                .replace("@KAFKA_DATA@", dir.resolve("data").toString()));
        Files.copy(deployKafka.resolve("log4j2.yaml"), logging(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        if (Files.isRegularFile(dir.resolve("data/meta.properties"))) {
            return;
        }
        Distributions.run(java("-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", spec.distributions().kafkaLibs() + "/*",
                        "-Dlog4j2.configurationFile=" + logging(), "kafka.tools.StorageTool", "format",
                        "-t", clusterId(), "-c", properties().toString()),
                "formatting Kafka's storage in " + dir);
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding, not starting with '-'. */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        while (true) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    @Override
    Launch launch() {
        List<String> command = java("-Xms128m", "-Xmx512m", "-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20");
        command.addAll(spec.jitOptions());
        command.addAll(List.of("-Djava.awt.headless=true", "-Dacceso.component=kafka",
                "-Dlog4j2.configurationFile=" + logging(),
                "-cp", spec.distributions().kafkaLibs() + "/*", "kafka.Kafka", properties().toString()));
        return new Launch(command, Map.of(), spec.workDir(component));
    }

    @Override
    boolean ready() {
        return listening(spec.layout().port(Layout.KAFKA)) && Logs.contains(spec.log(component), "Kafka Server started");
    }

    @Override
    Duration stopTimeout() {
        return Duration.ofSeconds(40);
    }
}
