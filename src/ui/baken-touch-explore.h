/* baken-touch-explore.h: in speech mode, a first touch says a control, a second acts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-speech-mode.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_TOUCH_EXPLORE (baken_touch_explore_get_type ())

G_DECLARE_FINAL_TYPE (BakenTouchExplore, baken_touch_explore, BAKEN, TOUCH_EXPLORE, GObject)

/* Watches the presses and touches on window (capture phase). While speech_mode is on,
 * a touch on a control that does not have the focus gives it the focus (speech mode
 * says it) and goes no further; a touch on the focused control acts as always. The
 * signal "activity" says a touch was taken. */
BakenTouchExplore *baken_touch_explore_new (GtkWidget       *window,
                                           BakenSpeechMode *speech_mode);

G_END_DECLS
