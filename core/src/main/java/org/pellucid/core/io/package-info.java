/**
 * Persistence: {@link org.pellucid.core.io.ModelStore} saves any {@link org.pellucid.core.io.Savable}
 * model as a checksummed JSON manifest plus a parameter file, atomically, and refuses truncated,
 * tampered or wrong-version models with a clear {@link org.pellucid.core.io.ModelFormatException}.
 */
package org.pellucid.core.io;
