/* baken-sound-controller.h: the headset takes the speech; volume up and down
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "baken-a11y-controller.h"
#include "baken-sound-server.h"
#include "baken-speech-mode.h"

G_BEGIN_DECLS

#define BAKEN_TYPE_SOUND_CONTROLLER (baken_sound_controller_get_type ())

G_DECLARE_FINAL_TYPE (BakenSoundController, baken_sound_controller, BAKEN, SOUND_CONTROLLER, GObject)

/* Loads the sound server (the module baken-sound-pulse) once the main loop is idle, and
 * installs the "sound" action group on window: sound.volume-up, sound.volume-down,
 * enabled while the server is there. volume is the safe level in percent ([speech]
 * volume). A headset that comes in switches speech_mode on and says through a11y
 * where the resident is. Signal "activity": the resident did something (a volume
 * key, a headset in or out). */
BakenSoundController *baken_sound_controller_new        (GtkWidget            *window,
                                                         guint                 volume,
                                                         BakenSpeechMode      *speech_mode,
                                                         BakenA11yController  *a11y);

/* Between residents: the speech output unmuted at the safe volume (a headset that is
 * still in keeps the speech and the loudspeaker stays muted). */
void                  baken_sound_controller_reset      (BakenSoundController *self);

/* The attention tone before "Bent u er nog?"; FALSE when there is no sound server. */
gboolean              baken_sound_controller_play_attention (BakenSoundController *self);

/* (nullable) (transfer none): the server, once loaded (tests). */
BakenSoundServer     *baken_sound_controller_get_server (BakenSoundController *self);

G_END_DECLS
