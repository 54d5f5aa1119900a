package wengang.serve;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * URL names of graph nodes. A node is a typed id ({@code PERSON:<person_id>}, {@code UNIT:…},
 * {@code CARD:…}); its token is an HMAC-SHA256 of it under a key made at server start, so
 * no resident ID, credit code or card number appears in a URL, a browser history or an
 * access log, and a token cannot be turned back into an ID by trying IDs. Tokens change
 * when the server restarts.
 */
public final class NodeTokens {
    private final byte[] key;
    private final Map<String, String> nodes = new ConcurrentHashMap<>();

    public NodeTokens() {
        key = new byte[32];
        new SecureRandom().nextBytes(key);
    }

    /** The token of a typed node id (remembered, so {@link #node} finds it). */
    public String token(String typedNode) {
        String t = "N" + HexFormat.of().formatHex(hmac(typedNode), 0, 12);
        nodes.putIfAbsent(t, typedNode);
        return t;
    }

    /** The typed node id of a token handed out by {@link #token}, or null. */
    public String node(String token) {
        return token == null ? null : nodes.get(token);
    }

    public static String typeOf(String typedNode) {
        int i = typedNode.indexOf(':');
        return i < 0 ? "" : typedNode.substring(0, i);
    }

    public static String idOf(String typedNode) {
        int i = typedNode.indexOf(':');
        return i < 0 ? typedNode : typedNode.substring(i + 1);
    }

    private byte[] hmac(String s) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
