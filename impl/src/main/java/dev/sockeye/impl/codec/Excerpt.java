package dev.sockeye.impl.codec;

/** Short, printable excerpts of client data for error messages. Stateless and thread-safe. */
final class Excerpt {

    /** The longest excerpt, in chars, marker included. */
    static final int MAX_LENGTH = 64;

    private static final String MARKER = "...";

    private Excerpt() {
    }

    /**
     * At most {@value #MAX_LENGTH} chars of {@code text}; a longer text is cut and ends with
     * {@code "..."}. Control characters become {@code '?'} so that client data cannot forge log
     * lines.
     */
    static String of(String text) {
        String cut = text;
        if (text.length() > MAX_LENGTH) {
            int end = MAX_LENGTH - MARKER.length();
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // never split a surrogate pair
            }
            cut = text.substring(0, end) + MARKER;
        }
        StringBuilder printable = null;
        for (int i = 0; i < cut.length(); i++) {
            if (Character.isISOControl(cut.charAt(i))) {
                if (printable == null) {
                    printable = new StringBuilder(cut);
                }
                printable.setCharAt(i, '?');
            }
        }
        return printable == null ? cut : printable.toString();
    }
}
