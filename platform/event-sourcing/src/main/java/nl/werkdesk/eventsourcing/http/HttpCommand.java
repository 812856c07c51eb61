package nl.werkdesk.eventsourcing.http;

import java.net.URI;
import java.util.UUID;
import nl.werkdesk.eventsourcing.command.Expectation;

/**
 * A command as it arrived over HTTP: the stream it addresses, the domain command, the request body it was
 * made from (for the Idempotency-Key fingerprint) and its headers.
 *
 * @param collection for a command that creates a resource, the collection it joins: the 201 Location is
 *                   the collection's path followed by the new stream id
 */
public record HttpCommand<C>(UUID streamId, Expectation expectation, C command, Object requestBody,
                             CommandHeaders headers, URI collection) {

    /** A command that starts a new stream and answers 201 Created with its location. */
    public static <C> HttpCommand<C> create(UUID streamId, C command, Object requestBody, CommandHeaders headers, URI collection) {
        return new HttpCommand<>(streamId, Expectation.NEW_STREAM, command, requestBody, headers, collection);
    }

    /** A command on a stream that any first command starts, answering 200 with the new state. */
    public static <C> HttpCommand<C> onAnyStream(UUID streamId, C command, Object requestBody, CommandHeaders headers) {
        return new HttpCommand<>(streamId, Expectation.ANY_STREAM, command, requestBody, headers, null);
    }

    /** Where the resource of {@code streamId} lives in the collection. */
    public URI locationOf(UUID streamId) {
        String base = collection.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + streamId);
    }

    /** A command on an existing stream (404 when it does not exist), answering 200 with the new state. */
    public static <C> HttpCommand<C> update(UUID streamId, C command, Object requestBody, CommandHeaders headers) {
        return new HttpCommand<>(streamId, Expectation.EXISTING_STREAM, command, requestBody, headers, null);
    }
}
