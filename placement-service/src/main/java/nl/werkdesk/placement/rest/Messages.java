package nl.werkdesk.placement.rest;

/** Validation messages shared by the placement requests. */
final class Messages {

    static final String NOT_IN_FUTURE = "lies in the future: record what has happened, on the day it happened";

    private Messages() {
    }
}
