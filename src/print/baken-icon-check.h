/* baken-icon-check.h: is an SVG icon safe and cheap to draw?
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside the resource-limited helper baken-icon-check (src/tools/baken-icon-check.c),
 * which the bundle verifier starts once per bundle; the kiosk never parses an icon of a
 * new bundle in its own process before this passed. Two steps:
 *
 * 1. A scan of the XML (GMarkup): well-formed UTF-8 with an <svg> root; no DOCTYPE with
 *    an internal subset and no entity declaration; no processing instruction but the XML
 *    declaration; no script, handler, foreignObject or event attribute (on…); every href
 *    and url(…) points inside the icon (#id), no @import; width and height at most
 *    BAKEN_ICON_CHECK_MAX_DIMENSION pixels; at most BAKEN_ICON_CHECK_MAX_ELEMENTS elements,
 *    BAKEN_ICON_CHECK_MAX_USE <use> elements, <use> chains at most
 *    BAKEN_ICON_CHECK_MAX_USE_DEPTH deep, no reference cycles, and the document with every
 *    <use> expanded at most BAKEN_ICON_CHECK_MAX_EXPANDED elements.
 * 2. librsvg parses and draws it at BAKEN_ICON_CHECK_RENDER_SIZE pixels.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BAKEN_ICON_CHECK_MAX_BYTES       (64 * 1024)
#define BAKEN_ICON_CHECK_MAX_DIMENSION   4096
#define BAKEN_ICON_CHECK_MAX_ELEMENTS    5000
#define BAKEN_ICON_CHECK_MAX_DEPTH       64
#define BAKEN_ICON_CHECK_MAX_USE         256
#define BAKEN_ICON_CHECK_MAX_USE_DEPTH   8
#define BAKEN_ICON_CHECK_MAX_EXPANDED    20000
#define BAKEN_ICON_CHECK_RENDER_SIZE     256

#define BAKEN_ICON_CHECK_ERROR (baken_icon_check_error_quark ())

typedef enum {
  BAKEN_ICON_CHECK_ERROR_TOO_BIG,      /* more than BAKEN_ICON_CHECK_MAX_BYTES */
  BAKEN_ICON_CHECK_ERROR_NOT_SVG,      /* not UTF-8, not well-formed XML, no <svg> root */
  BAKEN_ICON_CHECK_ERROR_ENTITY,       /* a DTD internal subset or entity declaration */
  BAKEN_ICON_CHECK_ERROR_EXTERNAL,     /* a reference outside the icon */
  BAKEN_ICON_CHECK_ERROR_SCRIPT,       /* script, handler, foreignObject, on… attribute */
  BAKEN_ICON_CHECK_ERROR_DIMENSIONS,   /* width or height beyond the limit */
  BAKEN_ICON_CHECK_ERROR_COMPLEXITY,   /* too many elements, too deep */
  BAKEN_ICON_CHECK_ERROR_USE_FAN_OUT,  /* <use> too many, too deep, cyclic or expanding */
  BAKEN_ICON_CHECK_ERROR_RENDER,       /* librsvg cannot read or draw it */
} BakenIconCheckError;

GQuark   baken_icon_check_error_quark (void);

/* Both steps. The message names the problem in words an editor can act on. */
gboolean baken_icon_check      (GBytes  *svg,
                                GError **error);
/* Step 1 only (no librsvg): what the fuzz target and the scan tests use. */
gboolean baken_icon_check_scan (GBytes  *svg,
                                GError **error);
/* Step 1, and on failure the line (from 1; 0 when the problem is the whole file) where
 * the scan stopped: for IT's build and lint, which run the kiosk's limits on the
 * source (docs/content-format.md). */
gboolean baken_icon_check_scan_at (GBytes  *svg,
                                   int     *line,
                                   GError **error);

G_END_DECLS
