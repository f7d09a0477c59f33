/* baken-sound-pulse.h: the sound server through libpulse (the module baken-sound-pulse)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "baken-sound-server.h"

G_BEGIN_DECLS

#define BAKEN_SOUND_MODULE "baken-sound-pulse"

#define BAKEN_TYPE_SOUND_PULSE (baken_sound_pulse_get_type ())

G_DECLARE_FINAL_TYPE (BakenSoundPulse, baken_sound_pulse, BAKEN, SOUND_PULSE, GObject)

/* The module's one entry (baken_module_lookup ()): a server that connects at once, on
 * the thread-default main context, to the PulseAudio or PipeWire pulse server of the
 * session ($PULSE_SERVER, else the user's runtime folder), never starting one. Without
 * a server it says so once in the log and tries again now and then. */
typedef BakenSoundServer *(*BakenSoundPulseNewFunc) (void);
BakenSoundServer *_baken_sound_pulse_new (void);

G_END_DECLS
