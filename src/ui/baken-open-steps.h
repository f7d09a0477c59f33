/* baken-open-steps.h: --open, the steps of development and screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-a11y-controller.h"
#include "baken-navigator.h"
#include "baken-resident-reset.h"

G_BEGIN_DECLS

/* A step of --open, once its kind is known. */
typedef enum {
  BAKEN_OPEN_STEP_LOCATION,        /* a page: baken_navigator_open () */
  BAKEN_OPEN_STEP_LANGUAGE,        /* lang:CODE, a language of [kiosk] languages */
  BAKEN_OPEN_STEP_A11Y,            /* a11y:WHAT */
  BAKEN_OPEN_STEP_IDLE_PROMPT,     /* idle:prompt */
} BakenOpenStep;

/* What a step may change (all unowned, the window's). */
typedef struct
{
  GtkWidget           *window;     /* its "language" property (kiosk.language) */
  const char * const  *languages;  /* the languages the kiosk offers */
  BakenNavigator      *navigator;
  BakenA11yController *a11y;
  BakenResidentReset  *reset;      /* the idle timer: a page opened is input */
} BakenOpenParts;

/* What the --open step asks; argument is the part after "KIND:" (a language, an a11y
 * setting), or NULL for a location. Fails for a language the kiosk does not offer. */
gboolean baken_open_step_parse (const char            *step,
                                const char * const    *languages,
                                BakenOpenStep         *kind,
                                const char           **argument,
                                GError               **error);
/* Parses step and does it (see baken_window_open ()). */
gboolean baken_open_step_run   (const BakenOpenParts  *parts,
                                const char            *step,
                                GError               **error);

G_END_DECLS
