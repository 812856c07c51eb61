package nl.werkdesk.eventsourcing.relay;

/**
 * A place in the relay's gap-safe order: the inserting transaction's id first, then the global position.
 * Events are published, and checkpointed, in this order.
 */
record Position(long transactionId, long globalPosition) implements Comparable<Position> {

    static final Position START = new Position(0, 0);

    static Position of(String transactionId, long globalPosition) {
        return new Position(Long.parseLong(transactionId), globalPosition);
    }

    @Override
    public int compareTo(Position other) {
        int byTransaction = Long.compare(transactionId, other.transactionId);
        return byTransaction != 0 ? byTransaction : Long.compare(globalPosition, other.globalPosition);
    }

    boolean isAfter(Position other) {
        return compareTo(other) > 0;
    }
}
