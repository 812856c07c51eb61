package nl.werkdesk.eventsourcing.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.function.Function;
import nl.werkdesk.eventsourcing.Unavailability;
import nl.werkdesk.eventsourcing.command.Aggregate;
import nl.werkdesk.eventsourcing.command.CommandHandler;
import nl.werkdesk.eventsourcing.command.CommandRequest;
import nl.werkdesk.eventsourcing.command.CommandResult;
import nl.werkdesk.eventsourcing.command.Expectation;
import nl.werkdesk.eventsourcing.store.EventMetadata;
import nl.werkdesk.eventsourcing.store.IdempotencyMark;

/**
 * Runs a command for a REST resource with the house conventions: the acting user in the event metadata,
 * If-Match as the expected version, Idempotency-Key replay, and a response with the new state and its
 * ETag (201 with Location for a new resource).
 */
@ApplicationScoped
public class HttpCommands {

    static final int MAX_KEY_LENGTH = 200;

    private final CommandHandler handler;
    private final SecurityIdentity identity;
    private final ObjectMapper mapper;

    HttpCommands(CommandHandler handler, SecurityIdentity identity, ObjectMapper mapper) {
        this.handler = handler;
        this.identity = identity;
        this.mapper = mapper;
    }

    public <C, S, E> Uni<Response> execute(
            Aggregate<C, S, E> aggregate, HttpCommand<C> command, Function<CommandResult<S, E>, Uni<?>> render) {
        return execute(aggregate, command, result -> Uni.createFrom().voidItem(), render);
    }

    /**
     * @param alsoInTransaction work that must commit with the events (personal data beside the stream)
     * @param render            the response body for the state after the command, rendered in the command's transaction
     *                          (reading what it wrote from the session) or, for a replay, in a session of its own
     */
    public <C, S, E> Uni<Response> execute(
            Aggregate<C, S, E> aggregate, HttpCommand<C> command,
            Function<CommandResult<S, E>, Uni<Void>> alsoInTransaction, Function<CommandResult<S, E>, Uni<?>> render) {
        CommandHeaders headers = command.headers() == null ? new CommandHeaders() : command.headers();
        OptionalLong ifMatch = ETags.parseIfMatch(headers.ifMatch);
        String key = idempotencyKey(headers.idempotencyKey);
        int status = command.expectation() == Expectation.NEW_STREAM ? 201 : 200;
        CommandRequest<C> request = new CommandRequest<>(command.streamId(), command.expectation(), command.command(), ifMatch,
                EventMetadata.byActor(actor()));
        if (key == null) {
            return handler.handleAndThen(aggregate, request,
                    result -> alsoInTransaction.apply(result).chain(() -> respond(result, status, command, render)));
        }
        String fingerprint = fingerprint(command);
        // No lookup of the key first: a repeated key runs into the key's record when this transaction records it, so
        // the transaction rolls back, and the earlier answer is the answer. So is a concurrent request's with the same key that
        // won; this one may meet the winner's effects first (deciding again on its state, a refusal such as "already
        // filled", a stale If-Match, a unique value): whatever it fails with, an earlier answer to the key wins.
        // The key is recorded by the append's own statement; a command that appends nothing records it here.
        IdempotencyMark mark = new IdempotencyMark(key, fingerprint, status);
        return handler.handleAndThen(aggregate, request, mark, result -> (result.appended().isEmpty() ? remember(mark, result) : Uni.createFrom().voidItem())
                        .chain(() -> alsoInTransaction.apply(result))
                        .chain(() -> respond(result, status, command, render)))
                .onFailure(failure -> !Unavailability.isUnavailable(failure))
                .recoverWithUni(failure -> find(key)
                        .onFailure().transform(ignored -> failure)
                        .chain(earlier -> earlier == null
                                ? Uni.createFrom().failure(failure)
                                : replay(aggregate, earlier, fingerprint, command, render)));
    }

    private static Uni<IdempotencyRecord> find(String key) {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.find(IdempotencyRecord.class, key)));
    }

    private <S, E> Uni<Void> remember(IdempotencyMark mark, CommandResult<S, E> result) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.key = mark.key();
        record.requestFingerprint = mark.requestFingerprint();
        record.streamId = result.streamId();
        record.version = result.version();
        record.status = mark.status();
        return Panache.getSession().chain(session -> session.persist(record).call(session::flush)).replaceWithVoid();
    }

    private <C, S, E> Uni<Response> replay(Aggregate<C, S, E> aggregate, IdempotencyRecord earlier,
                                                                   String fingerprint, HttpCommand<C> command,
                                                                   Function<CommandResult<S, E>, Uni<?>> render) {
        if (!earlier.requestFingerprint.equals(fingerprint)) {
            return Uni.createFrom().failure(new IdempotencyKeyReused());
        }
        return Panache.withSession(() -> handler.load(aggregate, earlier.streamId, earlier.version))
                .chain(result -> respond(result, earlier.status, command, render))
                .map(response -> Response.fromResponse(response).header("Idempotent-Replayed", "true").build());
    }

    private <C, S, E> Uni<Response> respond(CommandResult<S, E> result, int status, HttpCommand<C> command,
                                           Function<CommandResult<S, E>, Uni<?>> render) {
        return Panache.withSession(() -> render.apply(result)).map(body -> {
            Response.ResponseBuilder response = Response.status(status)
                    .entity(body)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.ETAG, ETags.of(result.version()));
            if (status == 201 && command.collection() != null) {
                response.location(command.locationOf(result.streamId()));
            }
            return response.build();
        });
    }

    private String actor() {
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        String key = header.trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidParameter("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters, such as a UUID");
        }
        return key;
    }

    /** The same command on the same resource with the same body gives the same fingerprint. */
    private String fingerprint(HttpCommand<?> command) {
        try {
            String target = command.expectation() == Expectation.NEW_STREAM ? "new" : command.streamId().toString();
            String canonical = command.command().getClass().getName() + "\n" + target + "\n"
                    + mapper.writeValueAsString(command.requestBody());
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
