package org.pellucid.core.data;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads delimited text (CSV, TSV) with RFC 4180 quoting. The header is detected when not stated:
 * the first row is a header when none of its fields is a number while some field of the second row
 * is. A header name that repeats gets a suffix ({@code score}, {@code score.2}). Every malformed line
 * is an error naming the file, the line and the column; no row is dropped.
 */
public final class CsvLoader {

    /** Whether the first line names the columns. */
    public enum Header { AUTO, PRESENT, ABSENT }

    private CsvLoader() {}

    /** Loads with the spec's encoding, header rule and delimiter (by extension when it names none). */
    public static Dataset load(Path file, TableSpec spec) {
        char delim = spec.delimiter() != null ? spec.delimiter() : delimiterFor(file);
        return TableBuilder.build(datasetName(file), read(file, delim, spec.header(), spec.encoding()), spec);
    }

    public static Dataset load(Path file, TableSpec spec, char delimiter, Header header) {
        return TableBuilder.build(datasetName(file), read(file, delimiter, header, spec.encoding()), spec);
    }

    /** The delimiter a file's extension implies: tab for .tsv/.tab, else comma. */
    public static char delimiterFor(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tsv") || n.endsWith(".tab") || n.endsWith(".tsv.gz") ? '\t' : ',';
    }

    /** The dataset name a file gives: its name up to the first dot. */
    public static String datasetName(Path file) {
        String n = file.getFileName().toString();
        int dot = n.indexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    public static RawTable read(Path file, char delimiter, Header header) {
        return read(file, delimiter, header, StandardCharsets.UTF_8);
    }

    /**
     * Reads a delimited file in {@code encoding}. Bytes that are not valid in it are an error naming
     * the file, line and field (Latin-1 bytes read as UTF-8 would otherwise turn {@code café} and
     * {@code cafè} into one category); a leading UTF-8 byte-order mark is skipped.
     */
    public static RawTable read(Path file, char delimiter, Header header, Charset encoding) {
        try (Reader r = open(file, encoding)) {
            return read(file.toString(), r, delimiter, header);
        } catch (BadBytes e) {
            throw badBytes(file, encoding, delimiter);
        } catch (NoSuchFileException e) {
            throw new DatasetException(file.toString(), -1, null, "no such file");
        } catch (IOException e) {
            throw new DatasetException(file.toString(), -1, null, "cannot read: " + e.getMessage(), e);
        }
    }

    static Reader open(Path file) throws IOException {
        return open(file, StandardCharsets.UTF_8);
    }

    /** A strict reader: malformed or unmappable bytes throw instead of becoming U+FFFD. */
    public static Reader open(Path file, Charset encoding) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in);
        }
        CharsetDecoder dec = encoding.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, dec), 1 << 16);
    }

    /** Parses delimited text from a reader; {@code source} names it in errors. */
    public static RawTable read(String source, Reader reader, char delimiter, Header header) throws IOException {
        RecordReader rr = new RecordReader(source, reader, delimiter);
        List<String[]> first = new ArrayList<>(2);
        List<Long> firstLines = new ArrayList<>(2);
        String[] rec;
        while (first.size() < 2 && (rec = rr.next()) != null) {
            first.add(rec);
            firstLines.add(rr.recordLine());
        }
        if (first.isEmpty()) {
            throw new DatasetException(source, -1, null, "the file is empty");
        }
        boolean hasHeader = switch (header) {
            case PRESENT -> true;
            case ABSENT -> false;
            case AUTO -> looksLikeHeader(first.get(0), first.size() > 1 ? first.get(1) : null);
        };
        List<String> names = new ArrayList<>();
        if (hasHeader) {
            for (String f : first.get(0)) {
                String n = f.trim();
                if (n.isEmpty()) {
                    n = "column_" + (names.size() + 1);
                }
                String unique = n;
                for (int k = 2; names.contains(unique); k++) {
                    unique = n + "." + k; // a repeated header name gets a suffix, as pandas does
                }
                names.add(unique);
            }
        } else {
            for (int j = 0; j < first.get(0).length; j++) {
                names.add("column_" + (j + 1));
            }
        }
        RawTable table = new RawTable(source, names);
        for (int k = hasHeader ? 1 : 0; k < first.size(); k++) {
            table.add(first.get(k), firstLines.get(k));
        }
        while ((rec = rr.next()) != null) {
            table.add(rec, rr.recordLine());
        }
        return table;
    }

    private static boolean looksLikeHeader(String[] first, String[] second) {
        for (String f : first) {
            if (Numbers.tryParse(f.trim()) != null) {
                return false;
            }
        }
        if (second == null) {
            return true;
        }
        for (String f : second) {
            if (Numbers.tryParse(f.trim()) != null) {
                return true;
            }
        }
        // all text in both rows: a header if the first row's fields are all distinct
        return Arrays.stream(first).distinct().count() == first.length;
    }

    /** Bytes the decoder refused; {@link #badBytes} turns it into an error naming the line. */
    static final class BadBytes extends RuntimeException {
        BadBytes(CharacterCodingException cause) {
            super(cause);
        }
    }

    /**
     * The error for a file with bytes that are not valid in {@code encoding}: the file is scanned
     * again line by line (a decoder reads ahead, so where it failed says nothing) to name the first
     * bad line and its field (counting delimiters, quotes aside).
     */
    public static DatasetException badBytes(Path file, Charset encoding, char delimiter) {
        String advice = "; if the file is not " + encoding.name() + ", name its encoding, e.g. --encoding ISO-8859-1";
        try (InputStream raw = file.getFileName().toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file);
             BufferedInputStream in = new BufferedInputStream(raw, 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long lineNo = 1;
            int b;
            while (true) {
                b = in.read();
                if (b == '\n' || b == -1) {
                    byte[] bytes = line.toByteArray();
                    CharsetDecoder dec = encoding.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT);
                    ByteBuffer buf = ByteBuffer.wrap(bytes);
                    CharBuffer chars = CharBuffer.allocate(bytes.length + 1);
                    CoderResult res = dec.decode(buf, chars, true);
                    if (res.isError()) {
                        int at = buf.position();
                        int field = 1;
                        for (int k = 0; k < at; k++) {
                            if (bytes[k] == delimiter) {
                                field++;
                            }
                        }
                        return new DatasetException(file.toString(), lineNo, null, "field " + field + ": byte 0x"
                                + String.format("%02X", bytes[at] & 0xff) + " is not valid " + encoding.name() + advice);
                    }
                    if (b == -1) {
                        break;
                    }
                    line.reset();
                    lineNo++;
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            // fall through to the general message
        }
        return new DatasetException(file.toString(), -1, null, "bytes that are not valid " + encoding.name() + advice);
    }

    /** Splits records, honouring quotes that span lines; skips blank lines. */
    static final class RecordReader {
        private final String source;
        private final Reader in;
        private final char delim;
        private long line = 1;
        private long recordLine;
        private int pushback = -2;

        RecordReader(String source, Reader in, char delim) {
            this.source = source;
            this.in = in;
            this.delim = delim;
        }

        long recordLine() {
            return recordLine;
        }

        private boolean started;

        private int read() throws IOException {
            if (pushback != -2) {
                int c = pushback;
                pushback = -2;
                return c;
            }
            int c;
            try {
                c = in.read();
            } catch (CharacterCodingException e) {
                throw new BadBytes(e); // the reader decodes ahead; the caller finds the line from the bytes
            }
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    return read(); // a UTF-8 byte-order mark is not part of the first column's name
                }
            }
            return c;
        }

        String[] next() throws IOException {
            while (true) {
                recordLine = line;
                List<String> fields = new ArrayList<>();
                StringBuilder f = new StringBuilder();
                boolean any = false;
                int c = read();
                if (c == -1) {
                    return null;
                }
                int col = 1;
                boolean blank = true;
                while (true) {
                    if (c == -1 || c == '\n' || c == '\r') {
                        if (c == '\r') {
                            int d = read();
                            if (d != '\n') {
                                pushback = d;
                            }
                        }
                        if (c != -1) {
                            line++;
                        }
                        fields.add(f.toString());
                        break;
                    }
                    blank = false;
                    if (c == '"' && f.toString().isBlank()) {
                        f.setLength(0);
                        c = quoted(f, col);
                        any = true;
                        continue;
                    }
                    if (c == delim) {
                        fields.add(f.toString());
                        f.setLength(0);
                        col++;
                    } else {
                        f.append((char) c);
                    }
                    any = true;
                    c = read();
                }
                if (blank && !any && fields.size() == 1) {
                    if (c == -1) {
                        return null;
                    }
                    continue;
                }
                return fields.toArray(new String[0]);
            }
        }

        /**
         * Reads a quoted field's text into {@code f}, the opening quote already read: a doubled quote is
         * one quote, line breaks are kept. Returns the character after the closing quote (spaces skipped),
         * which must end the field.
         */
        private int quoted(StringBuilder f, int col) throws IOException {
            long startLine = line;
            while (true) {
                int d = read();
                if (d == -1) {
                    throw new DatasetException(source, startLine, null, "unterminated quote starting in field " + col);
                }
                if (d == '"') {
                    int c = read();
                    if (c == '"') {
                        f.append('"');
                        continue;
                    }
                    while (c == ' ') {
                        c = read();
                    }
                    if (c != delim && c != '\n' && c != '\r' && c != -1) {
                        throw new DatasetException(source, line, null,
                                "unexpected text after the closing quote of field " + col);
                    }
                    return c;
                }
                if (d == '\n') {
                    line++;
                }
                f.append((char) d);
            }
        }
    }
}
