package dev.sockeye.impl.codec;

/**
 * Why a payload cannot become the declared type; {@link PayloadDecoder} turns it into a
 * {@link dev.sockeye.PayloadDecodeException}. Carries no stack trace: it is expected client input,
 * not a bug.
 */
final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(String reason) {
        super(reason, null, false, false);
    }
}
