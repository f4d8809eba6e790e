package dev.gazette.subscriber.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text of a subscriber file with its line starts, so a record's character position becomes the
 * physical line it starts on (CR LF, CR and LF each end one line, as in an editor).
 */
final class CsvText {
    private static final char BOM = '\uFEFF';

    private final String text;
    private final long[] lineStarts;

    private CsvText(String text) {
        this.text = text;
        List<Long> starts = new ArrayList<>();
        starts.add(0L);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add((long) i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToLong(Long::longValue).toArray();
    }

    /** Text read from a Reader: a leading byte order mark is dropped. */
    static CsvText of(String text) {
        return new CsvText(!text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text);
    }

    /**
     * Decode a file's bytes as strict UTF-8 (with or without a byte order mark).
     *
     * @throws CsvFileException naming the line of the first byte that is not UTF-8
     */
    static CsvText decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            throw new CsvFileException(lineOfByte(bytes, at), String.format(
                    "not valid UTF-8 (byte 0x%02X); save the file as UTF-8", bytes[at] & 0xFF));
        }
        out.flip();
        return of(out.toString());
    }

    String text() {
        return text;
    }

    /** The 1-based line the character at this position is on. */
    int lineOf(long position) {
        int found = Arrays.binarySearch(lineStarts, position);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private static int lineOfByte(byte[] bytes, int end) {
        int line = 1;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
            }
        }
        return line;
    }
}
