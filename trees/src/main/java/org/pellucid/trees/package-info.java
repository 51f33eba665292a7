/**
 * Decision-tree surrogates distilled from any predictor (TREPAN, Craven &amp; Shavlik 1996).
 * Not built yet: tracked by issue #7.
 */
package org.pellucid.trees;
