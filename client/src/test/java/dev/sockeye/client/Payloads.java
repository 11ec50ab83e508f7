package dev.sockeye.client;

import java.util.List;

/** JSON payloads of the tests; public so that JSON-B may read and create them. */
public final class Payloads {

    private Payloads() {
    }

    /** A chat message with a list. */
    public record Message(String author, List<Integer> scores) {
    }

    /** A flat record. */
    public record Score(String player, int points) {
    }
}
