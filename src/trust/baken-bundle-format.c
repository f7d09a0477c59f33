/* baken-bundle-format.c: the error domain of building and verifying bundles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "baken-bundle-format.h"

G_DEFINE_QUARK (baken-bundle-error-quark, baken_bundle_error)
