package org.pellucid.core.model;

/** A model that can say how complex it is to read. */
public interface HasComplexity {
    Complexity complexity();
}
