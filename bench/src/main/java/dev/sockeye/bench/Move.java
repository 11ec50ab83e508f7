package dev.sockeye.bench;

/**
 * The JSON record of the echo scenario and the micro-benchmarks: a chess move, as in the guide.
 * Public with a canonical constructor so that JSON-B maps it both ways.
 */
public record Move(String piece, int x, int y, String note) {

    /** The record every JSON echo sends. */
    public static final Move SAMPLE = new Move("knight", 2, 3, "hello from the bench");
}
