package org.pellucid.examples.cli;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Parses JSON as a strict RFC 8259 parser would: NaN, Infinity, comments or trailing text fail the test. */
final class StrictJson {
    private StrictJson() {}

    static JsonElement parse(String text) throws IOException {
        try (JsonReader r = new JsonReader(new StringReader(text))) {
            r.setStrictness(Strictness.STRICT);
            JsonElement e = new Gson().getAdapter(JsonElement.class).read(r);
            if (r.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("text after the JSON value");
            }
            return e;
        }
    }

    static JsonElement parse(Path file) throws IOException {
        return parse(Files.readString(file));
    }
}
