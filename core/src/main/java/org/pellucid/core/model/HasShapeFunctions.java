package org.pellucid.core.model;

import org.pellucid.core.data.Dataset;
import org.pellucid.core.explain.ShapeFunctions;

/** An additive model that can draw itself: each column's shape and each pair's heat map, with the density of {@code data}. */
public interface HasShapeFunctions {
    ShapeFunctions shapeFunctions(Dataset data);
}
