package org.pellucid.core.io;

import org.pellucid.core.model.Model;

/** A model that can write itself to a {@link ModelWriter}; its family reads it back. */
public interface Savable extends Model {
    void write(ModelWriter out);
}
