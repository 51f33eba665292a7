/**
 * L1-sparse MLPs and LassoNet-style feature selection (Lemhadri et al., JMLR 2021).
 * Not built yet: tracked by issue #3. The module exists so the reactor and its seams are in place.
 */
package org.pellucid.sparse;
