/* baken-keypad-controller.h: what the keys of the tactile keypad do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-config.h"
#include "baken-speech-mode.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_KEYPAD_CONTROLLER (baken_keypad_controller_get_type ())

G_DECLARE_FINAL_TYPE (BakenKeypadController, baken_keypad_controller, BAKEN, KEYPAD_CONTROLLER, GObject)

/* The keys of [keypad] in config, in speech_mode. Outside kiosk mode it listens to the
 * keys of window itself; in kiosk mode the kiosk's key filter asks press () first.
 *
 * Signals: "activity" for every keypad key; "go" (action name, "kiosk.back" or
 * "kiosk.home") returns TRUE when the window went there, FALSE when it cannot (Home has
 * no Back and no Home): then the resident hears where they are. */
BakenKeypadController *baken_keypad_controller_new   (GtkWidget             *window,
                                                      BakenConfig           *config,
                                                      gboolean               kiosk,
                                                      BakenSpeechMode       *speech_mode);

/* A key: when it is a keypad key, does what it says and returns TRUE. */
gboolean               baken_keypad_controller_press (BakenKeypadController *self,
                                                      guint                  keyval,
                                                      GdkModifierType        state);
/* A key let go: the next press of a held key is a press again, and Repeat held ends. */
void                   baken_keypad_controller_release (BakenKeypadController *self,
                                                        guint                  keyval,
                                                        GdkModifierType        state);

G_END_DECLS
