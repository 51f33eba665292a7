package org.pellucid.examples.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written as a stream and put in place only when complete: the text goes to a temporary
 * file beside the target (created under the umask like any new file; a replaced file's permissions
 * are kept) and {@link #commit()} renames it over the target; {@link #close()} without a commit removes it, so a failed run leaves no
 * partial file and the old one intact. Symbolic links are written through; a device or FIFO is
 * written into directly.
 */
final class AtomicOutput implements AutoCloseable {
    private final Path target;
    private final Path tmp;
    private final Writer writer;
    private boolean committed;

    AtomicOutput(Path file, String option) {
        Cli.requireWritable(file, option);
        this.target = Cli.resolveLinks(file);
        try {
            if (Files.exists(target) && !Files.isRegularFile(target)) {
                tmp = null;
                writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target, StandardOpenOption.WRITE),
                        StandardCharsets.UTF_8), 1 << 16);
            } else {
                Files.createDirectories(target.getParent());
                tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
                writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16);
            }
        } catch (IOException e) {
            throw new Pellucid.UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }

    Writer writer() {
        return writer;
    }

    /** Flushes and puts the file in place. */
    void commit() {
        try {
            writer.close();
            if (tmp != null) {
                if (Files.exists(target)) {
                    try {
                        // a replaced file keeps its permissions
                        Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
                    } catch (UnsupportedOperationException | IOException e) {
                        // not a POSIX file system, or not ours: the umask's permissions stay
                    }
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            committed = true;
        } catch (IOException e) {
            throw new Pellucid.UsageException("cannot write " + target + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        if (committed) {
            return;
        }
        try {
            writer.close();
        } catch (IOException e) {
            // the partial file is removed below
        }
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // nothing more can be done; the name says what it is
            }
        }
    }
}
