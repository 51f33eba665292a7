/**
 * Concepts inside black boxes: linear probes on an MLP's hidden layers, and TCAV scores with the
 * random-concept significance test.
 */
package org.pellucid.eval.concepts;
