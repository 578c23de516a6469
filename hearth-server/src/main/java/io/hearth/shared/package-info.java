/** Kernel types shared by every module: tenant ids, the tenant context, money, the problem contract. */
@NullMarked
package io.hearth.shared;

import org.jspecify.annotations.NullMarked;
