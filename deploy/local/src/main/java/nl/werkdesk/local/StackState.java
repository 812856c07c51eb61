package nl.werkdesk.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a running stack tells other invocations of ./werkdesk (status, down, a second up): the process ids and
 * ports, in .werkdesk/run/stack.json while it runs.
 */
public record StackState(long supervisorPid, String startedAt, boolean detached, boolean ready, int kafkaPort, int postgresPort,
        long postgresPid, List<ServiceEntry> services) {

    public record ServiceEntry(String name, int port, long pid, String log) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public StackState withReady(boolean isReady) {
        return new StackState(supervisorPid, startedAt, detached, isReady, kafkaPort, postgresPort, postgresPid, services);
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            JSON.writeValue(partial.toFile(), this);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public static Optional<StackState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackState.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
