package dev.gazette.source;

import dev.gazette.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Stable identifiers for items whose source gives none. */
public final class StableIds {
    private StableIds() {}

    /** A short hex digest of the parts, joined by a separator that cannot occur in them. */
    public static String of(String... parts) {
        MessageDigest sha = Sha256.digest();
        for (String part : parts) {
            sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest(), 0, 16);
    }
}
