/* baken-speech-controls.h: speech faster, slower, or stopped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-a11y-controller.h"
#include "baken-speech-mode.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_SPEECH_CONTROLS (baken_speech_controls_get_type ())

G_DECLARE_FINAL_TYPE (BakenSpeechControls, baken_speech_controls, BAKEN, SPEECH_CONTROLS, GObject)

/* Installs the "speech" action group on window: speech.faster, speech.slower and
 * speech.stop, for the speaker of a11y. A new rate is said at that rate ("Sneller"). */
BakenSpeechControls *baken_speech_controls_new   (GtkWidget           *window,
                                                  BakenA11yController *a11y,
                                                  BakenSpeechMode     *speech_mode);

/* Between residents: the normal rate. */
void                 baken_speech_controls_reset (BakenSpeechControls *self);

G_END_DECLS
